using System.Runtime.InteropServices;

namespace IdentityContainment.Sandbox;

/// <summary>Runs the sandbox from the command line until Ctrl+C (or SIGTERM).</summary>
internal static class SandboxCommand
{
    /// <summary>Exit code for bad options or a bad scenario.</summary>
    public const int UsageError = 2;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var (options, problem) = SandboxCommandLine.Parse(args);
        if (options is null)
        {
            error.WriteLine($"sandbox: error: {problem}");
            error.WriteLine(SandboxCommandLine.Usage);
            return UsageError;
        }
        if (options.ShowHelp)
        {
            output.WriteLine(SandboxCommandLine.Usage);
            return 0;
        }

        Scenario scenario;
        try
        {
            scenario = string.Equals(options.Scenario, ScenarioLoader.GeneratedName, StringComparison.OrdinalIgnoreCase)
                ? ScenarioGenerator.Generate(options.GeneratorOptions())
                : ScenarioLoader.Load(options.Scenario);
        }
        catch (ScenarioLoadException e)
        {
            error.WriteLine($"sandbox: error: {e.Message}");
            return UsageError;
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"sandbox: error: {e.Message}");
            return UsageError;
        }

        using var certificate = options.Https ? SandboxCertificate.CreateSelfSigned() : null;
        SandboxServer server;
        try
        {
            server = await SandboxServer.StartAsync(new SandboxOptions
            {
                ScenarioObject = scenario,
                HttpPort = options.HttpPort,
                HttpsPort = options.HttpsPort,
                HttpsCertificate = certificate,
                Latency = TimeSpan.FromMilliseconds(options.LatencyMilliseconds),
                Paging = new PagingOptions { MaxPageSize = options.PageSize },
            }).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            error.WriteLine($"sandbox: error: cannot listen: {e.Message}");
            return 1;
        }

        await using (server)
        {
            string? pemPath = null;
            if (certificate is not null)
            {
                pemPath = Path.Combine(Path.GetTempPath(), $"identitycontainment-sandbox-{server.HttpsBaseAddress!.Port}.pem");
                await File.WriteAllTextAsync(pemPath, SandboxCertificate.ExportPem(certificate)).ConfigureAwait(false);
            }
            ConnectionBanner.Write(output, server, pemPath);

            using var stop = new CancellationTokenSource();
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                output.WriteLine("Stopping the sandbox.");
            }
            finally
            {
                if (pemPath is not null)
                    File.Delete(pemPath);
            }

            void Stop(PosixSignalContext context)
            {
                context.Cancel = true;
                stop.Cancel();
            }
        }
        return 0;
    }
}

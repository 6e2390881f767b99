using System.Diagnostics;

namespace IdentityContainment.Sandbox.Tests;

public sealed class SandboxCommandTests
{
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await SandboxCommand.RunAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData(new[] { "--scenario", "clean", "--bogus" }, "sandbox: error: unknown option '--bogus'.")]
    [InlineData(new[] { "--port", "80" }, "sandbox: error: missing --scenario")]
    [InlineData(new[] { "--scenario", "clean", "--port", "eighty" }, "sandbox: error: --port needs a whole number from 0 to 65535, not 'eighty'.")]
    [InlineData(new[] { "--scenario", "clean", "--users", "10" }, "sandbox: error: --users, --compromised and --seed apply only to --scenario generated.")]
    [InlineData(new[] { "--scenario", "/tmp/does-not-exist.json" }, "sandbox: error: /tmp/does-not-exist.json: file not found.")]
    [InlineData(new[] { "--scenario", "clean", "--page-size", "0" }, "sandbox: error: --page-size needs a whole number from 1 to 999, not '0'.")]
    public async Task Bad_arguments_exit_2_with_a_one_line_error(string[] args, string expected)
    {
        var (exitCode, _, error) = await RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.StartsWith(expected, error.Split('\n')[0]);
    }

    [Fact]
    public async Task Malformed_scenario_file_exits_2_naming_the_file_and_line()
    {
        var path = ScenarioFiles.Write("{\n  \"name\": \"x\",\n  oops\n}");

        var (exitCode, _, error) = await RunAsync("--scenario", path);

        Assert.Equal(2, exitCode);
        var line = error.TrimEnd('\n');
        Assert.DoesNotContain('\n', line);
        Assert.StartsWith($"sandbox: error: {path}: ", line);
        Assert.Contains("line 3", line);
    }

    [Fact]
    public void Page_size_forces_small_pages_and_defaults_to_graphs()
    {
        Assert.Equal(2, SandboxCommandLine.Parse(["--scenario", "clean", "--page-size", "2"]).Options!.PageSize);
        Assert.Null(SandboxCommandLine.Parse(["--scenario", "clean"]).Options!.PageSize);
    }

    [Fact]
    public async Task Help_prints_usage_and_exits_0()
    {
        var (exitCode, output, _) = await RunAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("usage: ", output);
    }

    [Fact]
    public async Task Executable_prints_how_to_connect_and_serves_until_stopped()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "IdentityContainment.Sandbox.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--scenario", "generated", "--users", "60", "--compromised", "2"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        try
        {
            var lines = new List<string>();
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                lines.Add(line);
                if (line.StartsWith("Press Ctrl+C", StringComparison.Ordinal))
                    break;
            }
            var banner = string.Join('\n', lines);
            var graphUrl = lines.Single(l => l.TrimStart().StartsWith("Graph  ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            using var http = new HttpClient();
            var summary = await http.GetStringAsync(graphUrl.Replace("/v1.0", "/sandbox"));

            Assert.Contains("$env:IDENTITY_ENDPOINT = 'http://127.0.0.1:", banner);
            Assert.Contains("$env:IDENTITY_HEADER = '", banner);
            Assert.Contains("Connect-IdentityContainment -ManagedIdentity", banner);
            Assert.Contains("-AuthorityHost https://localhost:", banner);
            Assert.Contains(Known.TenantId, banner);
            Assert.DoesNotContain(Known.AutomationSecret, banner);
            Assert.Contains("\"users\":61", summary);
            Assert.Contains("Key Vault         https://kv-contoso-containment.vault.localhost/", banner);
            Assert.Contains("HTTPS_PROXY=http://127.0.0.1:", banner);
            Assert.Contains("\"keyVaultUri\":\"https://kv-contoso-containment.vault.localhost/\"", summary);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}

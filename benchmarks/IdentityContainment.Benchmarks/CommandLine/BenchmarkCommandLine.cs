namespace IdentityContainment.Benchmarks.CommandLine;

/// <summary>Picks the benchmark named by the first argument, runs it, and turns failures into a message and exit code.</summary>
internal static class BenchmarkCommandLine
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            WriteUsage(args.Length == 0 ? error : output);
            return args.Length == 0 ? BenchmarkExitCode.CouldNotRun : BenchmarkExitCode.GoalsMet;
        }

        IBenchmark? benchmark = BenchmarkCatalog.Find(args[0]);
        if (benchmark is null)
        {
            error.WriteLine($"benchmarks: no benchmark named '{args[0]}'.");
            WriteUsage(error);
            return BenchmarkExitCode.CouldNotRun;
        }

        // Ctrl+C stops the run cleanly: the benchmark kills its child processes instead of leaving them behind.
        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            CommandOptions options = CommandOptions.Parse(args[1..]);
            return await benchmark.RunAsync(options, output, cancellation.Token);
        }
        catch (ArgumentException ex)
        {
            error.WriteLine($"benchmarks {benchmark.Name}: {ex.Message}");
            WriteUsage(error);
            return BenchmarkExitCode.CouldNotRun;
        }
        catch (BenchmarkCannotRunException ex)
        {
            error.WriteLine($"benchmarks {benchmark.Name}: {ex.Message}");
            return BenchmarkExitCode.CouldNotRun;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            error.WriteLine($"benchmarks {benchmark.Name}: cancelled.");
            return BenchmarkExitCode.CouldNotRun;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static void WriteUsage(TextWriter writer)
    {
        writer.WriteLine("Usage: dotnet run -c Release --project benchmarks/IdentityContainment.Benchmarks -- <benchmark> [options]");
        writer.WriteLine();
        writer.WriteLine("Benchmarks:");
        foreach (IBenchmark benchmark in BenchmarkCatalog.All)
        {
            writer.WriteLine($"  {benchmark.Name,-10} {benchmark.Summary}");
            writer.WriteLine($"  {string.Empty,-10} options: {benchmark.OptionsUsage}");
        }

        writer.WriteLine();
        writer.WriteLine("Exit code: 0 every goal met, 1 a goal missed, 2 the benchmark could not run.");
    }
}

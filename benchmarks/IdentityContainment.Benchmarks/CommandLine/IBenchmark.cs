namespace IdentityContainment.Benchmarks.CommandLine;

/// <summary>One benchmark, run by its own subcommand; listed in <see cref="BenchmarkCatalog"/>.</summary>
internal interface IBenchmark
{
    /// <summary>The subcommand that runs it, for example <c>import</c>.</summary>
    string Name { get; }

    /// <summary>One line for the usage text: what is measured.</summary>
    string Summary { get; }

    /// <summary>The options it takes, as shown in the usage text.</summary>
    string OptionsUsage { get; }

    /// <summary>Runs the measurement and prints its report; returns a <see cref="BenchmarkExitCode"/>.</summary>
    Task<int> RunAsync(CommandOptions options, TextWriter output, CancellationToken cancellationToken);
}

using IdentityContainment.Benchmarks.ColdStart;
using IdentityContainment.Benchmarks.MailboxRules;
using IdentityContainment.Benchmarks.MassContainment;
using IdentityContainment.Benchmarks.OAuthHunt;

namespace IdentityContainment.Benchmarks.CommandLine;

/// <summary>Every benchmark, by the subcommand that runs it. A new benchmark is one more entry here.</summary>
internal static class BenchmarkCatalog
{
    public static IReadOnlyList<IBenchmark> All { get; } =
    [
        new ColdStartBenchmark(),
        new MassContainmentBenchmark(),
        new OAuthHuntBenchmark(),
        new MailboxRulesBenchmark(),
    ];

    public static IBenchmark? Find(string name) => All.FirstOrDefault(b => string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase));
}

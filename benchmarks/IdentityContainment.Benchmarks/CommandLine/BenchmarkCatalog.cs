using IdentityContainment.Benchmarks.ColdStart;
using IdentityContainment.Benchmarks.MailboxRules;
using IdentityContainment.Benchmarks.MassContainment;
using IdentityContainment.Benchmarks.OAuthHunt;
using IdentityContainment.Benchmarks.SignInHunt;

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
        new SignInHuntBenchmark(),
    ];

    public static IBenchmark? Find(string name) => All.FirstOrDefault(b => string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase));
}

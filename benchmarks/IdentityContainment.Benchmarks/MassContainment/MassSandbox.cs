using IdentityContainment.Benchmarks.Setup;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Benchmarks.MassContainment;

/// <summary>
/// A fresh generated tenant in which every generated user is compromised, served with Graph-like latency and the
/// sandbox's default (real) throttling budgets. Each contender gets its own, so one run's writes never use up the
/// other's quota or leave users already contained.
/// </summary>
internal static class MassSandbox
{
    /// <summary>What one Graph round trip costs in the field, give or take; every request pays it, batch or not.</summary>
    public static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(50);

    public static Task<BenchmarkTenant> StartAsync(int users, CancellationToken cancellationToken) =>
        BenchmarkTenant.StartAsync(
            new SandboxOptions
            {
                ScenarioObject = ScenarioGenerator.Generate(new GeneratedTenantOptions { Users = users, CompromisedUsers = users }),
                Latency = Latency,
                // Deliberately the defaults: 3,000 writes per 150 s per app and tenant, resource units by tenant size.
                Throttling = new ThrottlingOptions(),
            },
            cancellationToken);
}

using IdentityContainment.Sandbox;

namespace IdentityContainment.Benchmarks.Setup;

/// <summary>
/// A sandbox tenant inside the benchmark process, and the operator identity that works on it. Every benchmark that
/// talks to Graph starts one; its throttling budgets are the sandbox's defaults unless the benchmark says otherwise.
/// </summary>
internal sealed class BenchmarkTenant : IAsyncDisposable
{
    /// <summary>The app-only identity the bundled scenarios grant the containment permissions to.</summary>
    public const string AutomationAppName = "IdentityContainment Automation";

    private BenchmarkTenant(SandboxServer sandbox, string scenario)
    {
        Sandbox = sandbox;
        Scenario = scenario;
    }

    public SandboxServer Sandbox { get; }

    public string Scenario { get; }

    /// <summary>Plain http on 127.0.0.1: the module allows that only for loopback.</summary>
    public Uri GraphEndpoint => Sandbox.GraphEndpoint;

    public static async Task<BenchmarkTenant> StartAsync(SandboxOptions options, CancellationToken cancellationToken)
    {
        SandboxServer sandbox = await SandboxServer.StartAsync(options, cancellationToken);
        return new BenchmarkTenant(sandbox, options.ScenarioObject?.Name ?? options.Scenario);
    }

    /// <summary>
    /// An app-only token with every role the automation app was granted, as the token endpoint would issue it.
    /// It is a secret: hand it to child processes through their environment only, never print it.
    /// </summary>
    public string IssueAutomationToken()
    {
        OperatorApplication app = Sandbox.Tenant.Operators.Applications.Single(a => a.DisplayName == AutomationAppName);
        return Sandbox.IssueAccessToken(new AccessTokenRequest { AppId = app.AppId, Permissions = app.Roles });
    }

    public ValueTask DisposeAsync() => Sandbox.DisposeAsync();
}

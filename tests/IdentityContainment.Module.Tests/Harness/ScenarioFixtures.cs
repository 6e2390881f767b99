using IdentityContainment.Sandbox;

namespace IdentityContainment.Module.Tests.Harness;

/// <summary>A tenant big enough for several batches: 60 users, one of them compromised.</summary>
public sealed class GeneratedTenantFixture : SandboxFixture
{
    protected override SandboxOptions CreateOptions() =>
        new() { ScenarioObject = ScenarioGenerator.Generate(new GeneratedTenantOptions { Users = 60 }) };
}

/// <summary>A compromised user whose account on-premises Active Directory masters.</summary>
public sealed class SyncedUserFixture : SandboxFixture
{
    protected override SandboxOptions CreateOptions() => new() { Scenario = "synced-user" };
}

/// <summary>A compromised guest, whose real sessions live in their home tenant.</summary>
public sealed class GuestUserFixture : SandboxFixture
{
    protected override SandboxOptions CreateOptions() => new() { Scenario = "guest-user" };
}

/// <summary>A tenant of 600 users: enough batches to count what a large revocation costs, at Graph's own page sizes.</summary>
public sealed class LargeTenantFixture : SandboxFixture
{
    protected override SandboxOptions CreateOptions() =>
        new() { ScenarioObject = ScenarioGenerator.Generate(new GeneratedTenantOptions { Users = 600 }) };

    protected override int? PageSize => null;
}

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

/// <summary>
/// The guest-user tenant administered by a guest: a responder from a partner's tenant (an MSP) holding User Administrator
/// here. Their token names them by their home address, never by the #EXT# UPN of this tenant.
/// </summary>
public sealed class GuestAdminFixture : SandboxFixture
{
    public static readonly UserRecord GuestAdmin = new()
    {
        Id = "5f0e2a51-7c3b-4d8e-9a6f-1b2c3d4e5f60",
        UserPrincipalName = "sam.rivera_northwindmsp.com#EXT#@contosodemo.onmicrosoft.com",
        DisplayName = "Sam Rivera (Northwind MSP)",
        Mail = "sam.rivera@northwindmsp.com",
        UserType = UserTypes.Guest,
        DirectoryRoles = ["User Administrator"],
    };

    protected override SandboxOptions CreateOptions()
    {
        Scenario tenant = ScenarioLoader.Load("guest-user");
        DelegatedAdmin responder = new() { UserId = GuestAdmin.Id, Scopes = tenant.Operators.DelegatedAdmins[0].Scopes };
        return new()
        {
            ScenarioObject = tenant with
            {
                Users = [.. tenant.Users, GuestAdmin],
                Operators = tenant.Operators with { DelegatedAdmins = [responder] },
            },
        };
    }
}

/// <summary>A consent-phishing campaign and a hijacked admin consent, beside benign and first-party apps.</summary>
public sealed class IllicitConsentFixture : SandboxFixture
{
    protected override SandboxOptions CreateOptions() => new() { Scenario = "illicit-consent" };
}

/// <summary>A finance mailbox after business email compromise: localized folders, hidden rules, forwarding, delegated access.</summary>
public sealed class BecFinanceFixture : SandboxFixture
{
    protected override SandboxOptions CreateOptions() => new() { Scenario = "bec-finance" };
}

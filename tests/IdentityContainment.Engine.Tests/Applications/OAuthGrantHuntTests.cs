using IdentityContainment.Applications;
using IdentityContainment.Connection;
using IdentityContainment.Detection;
using IdentityContainment.Errors;
using IdentityContainment.Pipeline;
using IdentityContainment.Sandbox;
using IdentityContainment.Users;

namespace IdentityContainment.Engine.Tests.Applications;

/// <summary>The OAuth hunt against the illicit-consent tenant: a consent-phishing campaign, a hijacked admin consent, benign apps.</summary>
public sealed class OAuthGrantHuntTests : IAsyncLifetime
{
    private const string PhishingApp = "424df1e3-eb29-5194-8892-664a02bcaa31";
    private const string ArchiveApp = "fe108c33-410e-5d3d-892c-67e2cfa6f473";
    private const string PayrollApp = "e5fc6554-3f78-5ee3-b6c3-96a631fd1b26";
    private const string MicrosoftOffice = "ac5fca4a-2707-5280-8629-275d36185cba";

    private SandboxServer _sandbox = null!;
    private GraphConnection _connection = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync(new SandboxOptions { Scenario = "illicit-consent", Paging = { MaxPageSize = 2 } });
        _connection = await SandboxConnections.AsAutomationAppAsync(_sandbox);
    }

    public async Task DisposeAsync()
    {
        _connection.Dispose();
        await _sandbox.DisposeAsync();
    }

    private DateTimeOffset IncidentStart => DateTimeOffset.UtcNow.AddDays(-2);

    [Fact]
    public async Task The_phished_users_grants_are_high_with_when_and_by_whom_and_Microsofts_own_app_is_left_out()
    {
        var results = new KeptResults<OAuthGrantFinding>();
        var hunt = new OAuthGrantHunt(_connection, new OAuthHuntOptions { Since = IncidentStart });

        await hunt.HuntUsersAsync(await Users("adelev", "leeg", "diegos", "alexw"), results, CancellationToken.None);

        Assert.Empty(results.Errors);
        Assert.Empty(results.Warnings);
        OAuthGrantFinding[] phished = results.Items.Where(f => f.ClientServicePrincipalId == PhishingApp).ToArray();
        Assert.Equal(new[] { "adelev@contoso.com", "diegos@contoso.com", "diegos@contoso.com", "leeg@contoso.com" }, phished.Select(f => f.PrincipalUserPrincipalName).Order());
        Assert.All(phished, f => Assert.Equal("High", f.RiskLevel));
        Assert.All(phished, f => Assert.Contains("OAuthConsentedDuringIncident", f.ReasonCodes));
        Assert.All(phished, f => Assert.Equal(f.PrincipalUserPrincipalName, f.ConsentedBy));
        Assert.Contains(phished, f => f.Scopes.Contains("Office 365 Exchange Online: EWS.AccessAsUser.All"));
        Assert.Contains(phished, f => f.Scopes.Contains("Microsoft Graph: Mail.ReadWrite"));

        // The tenant-wide grants cover these users too: the hijacked admin consent is found, with its admin.
        OAuthGrantFinding archive = Assert.Single(results.Items, f => f.ClientServicePrincipalId == ArchiveApp);
        Assert.Equal(("AllPrincipals", true, "High"), (archive.ConsentType, archive.AdminConsent, archive.RiskLevel));
        Assert.Equal("meganb@contoso.com", archive.ConsentedBy);

        // The verified payroll app is broad but not high; Microsoft's own Office app is not a finding at all.
        Assert.NotEqual("High", Assert.Single(results.Items, f => f.ClientServicePrincipalId == PayrollApp).RiskLevel);
        Assert.DoesNotContain(results.Items, f => f.ClientServicePrincipalId == MicrosoftOffice);
    }

    [Fact]
    public async Task Tenant_wide_grants_are_reported_once_per_run_and_first_party_apps_only_when_asked()
    {
        var results = new KeptResults<OAuthGrantFinding>();
        var hunt = new OAuthGrantHunt(_connection, new OAuthHuntOptions { IncludeFirstParty = true });

        await hunt.HuntUsersAsync(await Users("adelev", "leeg"), results, CancellationToken.None);
        await hunt.HuntUsersAsync(await Users("diegos", "alexw"), results, CancellationToken.None);

        Assert.Single(results.Items, f => f.ClientServicePrincipalId == ArchiveApp && f.GrantKind == "Delegated");
        Assert.Single(results.Items, f => f.ClientServicePrincipalId == MicrosoftOffice);
    }

    [Fact]
    public async Task A_user_without_grants_gives_no_finding_and_no_error()
    {
        var results = new KeptResults<OAuthGrantFinding>();
        var hunt = new OAuthGrantHunt(_connection, new OAuthHuntOptions { Since = IncidentStart });

        // The tenant-wide grants are reported with the first batch whoever is in it; none of them is this user's.
        await hunt.HuntUsersAsync(await Users("isaiahl"), results, CancellationToken.None);

        Assert.Empty(results.Errors);
        Assert.DoesNotContain(results.Items, f => f.PrincipalId is not null);
    }

    [Fact]
    public async Task Without_the_audit_log_findings_come_without_consent_times_and_one_warning()
    {
        // Grants are readable with DelegatedPermissionGrant.ReadWrite.All; the audit log needs AuditLog.Read.All or Directory.Read.All.
        using GraphConnection withoutAudit = await SandboxConnections.AsAutomationAppAsync(_sandbox, null, "User.Read.All", "DelegatedPermissionGrant.ReadWrite.All", "AppRoleAssignment.ReadWrite.All", "Application.Read.All");
        var results = new KeptResults<OAuthGrantFinding>();
        var hunt = new OAuthGrantHunt(withoutAudit, new OAuthHuntOptions { Since = IncidentStart });

        await hunt.HuntUsersAsync(await Users("adelev", "leeg"), results, CancellationToken.None);
        await hunt.HuntUsersAsync(await Users("diegos"), results, CancellationToken.None);

        Assert.Empty(results.Errors);
        string warning = Assert.Single(results.Warnings);
        Assert.Contains("AuditLog.Read.All", warning, StringComparison.Ordinal);
        Assert.Contains(results.Items, f => f.ClientServicePrincipalId == PhishingApp && f.RiskLevel == "High");
        Assert.All(results.Items, f => Assert.Null(f.ConsentedAt));
    }

    [Fact]
    public async Task A_Since_beyond_the_audit_logs_retention_is_said_once_and_the_hunt_goes_on()
    {
        var results = new KeptResults<OAuthGrantFinding>();
        var hunt = new OAuthGrantHunt(_connection, new OAuthHuntOptions { Since = DateTimeOffset.UtcNow.AddDays(-45) });

        await hunt.HuntUsersAsync(await Users("adelev"), results, CancellationToken.None);
        await hunt.HuntUsersAsync(await Users("leeg"), results, CancellationToken.None);

        Assert.Empty(results.Errors);
        Assert.Contains("keeps consents for 30 days", Assert.Single(results.Warnings), StringComparison.Ordinal);
        Assert.Contains(results.Items, f => f.ClientServicePrincipalId == PhishingApp && f.RiskLevel == "High");
    }

    [Fact]
    public async Task The_whole_tenant_gives_every_grant_and_application_permission_reading_each_app_once()
    {
        var results = new KeptResults<OAuthGrantFinding>();
        var hunt = new OAuthGrantHunt(_connection, new OAuthHuntOptions { Since = IncidentStart });
        _sandbox.Requests.Clear();

        await hunt.HuntTenantAsync(results, null, CancellationToken.None);

        Assert.Empty(results.Errors);
        Assert.Equal(4, results.Items.Count(f => f.ClientServicePrincipalId == PhishingApp));
        OAuthGrantFinding[] appPermissions = results.Items.Where(f => f.GrantKind == "Application").ToArray();
        Assert.Equal(new[] { "Microsoft Graph: Mail.Read", "Office 365 Exchange Online: full_access_as_app" }, appPermissions.Select(f => f.Scopes.Single()).Order());
        Assert.All(appPermissions, f => Assert.Equal((ArchiveApp, "High"), (f.ClientServicePrincipalId, f.RiskLevel)));

        int appReads = _sandbox.Requests.Snapshot().Count(r => r.Kind == RequestKind.Graph && r.Path.StartsWith("/servicePrincipals/", StringComparison.Ordinal) && !r.Path.Contains("/appRoleAssignedTo", StringComparison.Ordinal));
        Assert.Equal(hunt.AppsRead, appReads);
    }

    private async Task<IReadOnlyList<ContainmentUser>> Users(params string[] names)
    {
        IReadOnlyList<UserLookup> read = await new UserReader(_connection).LookUpAsync(names.Select(n => n + "@contoso.com").ToArray(), CancellationToken.None);
        return read.Select(r => r.User!).ToArray();
    }
}

using System.Management.Automation;
using IdentityContainment.Module.Tests.Harness;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Module.Tests;

/// <summary>Remove-SuspiciousOAuthGrant and Restore-OAuthGrant against the consent-phishing tenant: surgical, confirmed, reversible.</summary>
public sealed class RemoveSuspiciousOAuthGrantTests : IClassFixture<IllicitConsentFixture>
{
    private const string PhishingApp = "424df1e3-eb29-5194-8892-664a02bcaa31";
    private const string ArchiveApp = "fe108c33-410e-5d3d-892c-67e2cfa6f473";

    private readonly IllicitConsentFixture _fixture;

    public RemoveSuspiciousOAuthGrantTests(IllicitConsentFixture fixture) => _fixture = fixture;

    private SandboxServer Sandbox => _fixture.Sandbox;

    [Fact]
    public void The_phishing_grant_is_removed_with_its_before_image_and_restored_from_it()
    {
        string adele = Sandbox.Tenant.FindUser("adelev@contoso.com")!.Id;
        PermissionGrantRecord original = Sandbox.Tenant.PermissionGrants.Single(g => g.ClientId == PhishingApp && g.PrincipalId == adele);
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult removed = shell.Run($"$script:removed = Get-SuspiciousOAuthGrant -UserId adelev@contoso.com -MinimumRisk High | Where-Object ClientServicePrincipalId -eq '{PhishingApp}' | Remove-SuspiciousOAuthGrant -Confirm:$false; $script:removed");

        Assert.Empty(removed.Errors);
        dynamic row = Assert.Single(removed.Output).BaseObject;
        Assert.Equal(("RemoveOAuthGrant", "Succeeded", original.Id), ((string)row.Action, (string)row.Status, (string)row.Target));
        Assert.Contains(original.Scope.Trim(), (string)row.BeforeImage, StringComparison.Ordinal);
        Assert.Null(Sandbox.Tenant.FindPermissionGrant(original.Id));
        Assert.Contains(removed.Warnings, w => w.Contains("Revoke-CompromisedSession", StringComparison.Ordinal));

        ScriptResult restored = shell.Run("$script:removed | Restore-OAuthGrant -Confirm:$false");

        Assert.Empty(restored.Errors);
        dynamic back = Assert.Single(restored.Output).BaseObject;
        Assert.Equal(("RestoreOAuthGrant", "Succeeded"), ((string)back.Action, (string)back.Status));
        PermissionGrantRecord recreated = Sandbox.Tenant.FindPermissionGrant((string)back.Target)!;
        Assert.Equal((original.ClientId, original.ResourceId, original.PrincipalId, original.ConsentType, original.Scope.Trim()), (recreated.ClientId, recreated.ResourceId, recreated.PrincipalId, recreated.ConsentType, recreated.Scope.Trim()));
    }

    [Fact]
    public void WhatIf_removes_nothing()
    {
        int grants = Sandbox.Tenant.PermissionGrants.Count;
        int assignments = Sandbox.Tenant.AppRoleAssignments.Count;
        using HostedPowerShell shell = _fixture.ConnectedShell();

        // Every finding of the tenant (the other tests may have removed some, never the payroll app's), tenant-wide ones too.
        ScriptResult result = shell.Run("$f = @(Get-SuspiciousOAuthGrant -All); 'FINDINGS ' + $f.Count; $f | Remove-SuspiciousOAuthGrant -Force -DisableServicePrincipal -RevokeUserSessions -WhatIf");

        Assert.Empty(result.AllErrors);
        string count = (string)Assert.Single(result.Output).BaseObject;
        Assert.NotEqual("FINDINGS 0", count);
        Assert.Equal((grants, assignments), (Sandbox.Tenant.PermissionGrants.Count, Sandbox.Tenant.AppRoleAssignments.Count));
        Assert.All(Sandbox.Tenant.ServicePrincipals.Where(sp => sp.Id != ArchiveApp), sp => Assert.True(sp.AccountEnabled));
    }

    [Fact]
    public void A_tenant_wide_consent_needs_Force_and_then_the_hijacked_admin_consent_is_closed()
    {
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult refused = shell.Run($"Get-SuspiciousOAuthGrant -All | Where-Object {{ $_.ClientServicePrincipalId -eq '{ArchiveApp}' -and $_.ConsentType -eq 'AllPrincipals' }} | Remove-SuspiciousOAuthGrant -Confirm:$false");

        ErrorRecord error = Assert.Single(refused.Errors);
        Assert.Equal("TenantWideGrantNeedsForce", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.True(Sandbox.EvaluateFootholds().Single(f => f.Id == "admin-consent-grant").IsOpen);

        ScriptResult forced = shell.Run($"Get-SuspiciousOAuthGrant -All | Where-Object ClientServicePrincipalId -eq '{ArchiveApp}' | Remove-SuspiciousOAuthGrant -Force -DisableServicePrincipal -Confirm:$false");

        Assert.Empty(forced.Errors);
        string[] actions = forced.Output.Select(o => (string)((dynamic)o.BaseObject).Action).Order().ToArray();
        Assert.Equal(new[] { "DisableServicePrincipal", "RemoveAppRoleAssignment", "RemoveAppRoleAssignment", "RemoveOAuthGrant" }, actions);
        Assert.All(forced.Output, o => Assert.Equal("Succeeded", (string)((dynamic)o.BaseObject).Status));
        Assert.False(Sandbox.EvaluateFootholds().Single(f => f.Id == "admin-consent-app").IsOpen);
        Assert.False(Sandbox.EvaluateFootholds().Single(f => f.Id == "admin-consent-grant").IsOpen);
        Assert.False(Sandbox.Tenant.FindServicePrincipal(ArchiveApp)!.AccountEnabled);
    }

    [Fact]
    public void A_grant_named_by_id_is_read_first_so_its_app_is_disabled_and_a_tenant_wide_one_still_needs_Force()
    {
        string lee = Sandbox.Tenant.FindUser("leeg@contoso.com")!.Id;
        PermissionGrantRecord phished = Sandbox.Tenant.PermissionGrants.Single(g => g.ClientId == PhishingApp && g.PrincipalId == lee);
        PermissionGrantRecord payroll = Sandbox.Tenant.PermissionGrants.First(g => g.ConsentType == "AllPrincipals" && g.ClientId != ArchiveApp);
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run(
            "param($Phished, $TenantWide) Remove-SuspiciousOAuthGrant -GrantId $Phished, $TenantWide -Confirm:$false",
            Parameters.Of(("Phished", phished.Id), ("TenantWide", payroll.Id)));

        Assert.Equal("TenantWideGrantNeedsForce", Assert.Single(result.Errors).FullyQualifiedErrorId.Split(',')[0]);
        dynamic row = Assert.Single(result.Output).BaseObject;
        Assert.Equal(("RemoveOAuthGrant", "Succeeded", lee), ((string)row.Action, (string)row.Status, (string)row.UserId));
        Assert.Null(Sandbox.Tenant.FindPermissionGrant(phished.Id));
        Assert.NotNull(Sandbox.Tenant.FindPermissionGrant(payroll.Id));
    }

    [Fact]
    public void With_RevokeUserSessions_the_consenting_user_is_revoked_and_a_grant_already_gone_is_skipped()
    {
        using HostedPowerShell shell = _fixture.ConnectedShell();

        ScriptResult result = shell.Run($"$f = Get-SuspiciousOAuthGrant -UserId diegos@contoso.com | Where-Object ClientServicePrincipalId -eq '{PhishingApp}'; $f | Remove-SuspiciousOAuthGrant -RevokeUserSessions -Confirm:$false; $f | Remove-SuspiciousOAuthGrant -Confirm:$false");

        Assert.Empty(result.Errors);
        dynamic[] rows = result.Output.Select(o => (dynamic)o.BaseObject).ToArray();
        Assert.Equal(2, rows.Count(r => (string)r.Action == "RemoveOAuthGrant" && (string)r.Status == "Succeeded"));
        Assert.Single(rows, r => (string)r.Action == "RevokeSessions" && (string)r.Status == "Succeeded" && (string)r.UserPrincipalName == "diegos@contoso.com");
        Assert.Equal(2, rows.Count(r => (string)r.Action == "RemoveOAuthGrant" && (string)r.Status == "Skipped"));

        // The second run removed nothing, so it has no sessions to warn about.
        Assert.Empty(result.Warnings);
    }
}

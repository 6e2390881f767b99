using IdentityContainment.Applications;
using IdentityContainment.Detection;
using IdentityContainment.Detection.OAuth;

namespace IdentityContainment.Engine.Tests.Detection.OAuth;

public sealed class OAuthGrantRulesTests
{
    private const string Home = "11111111-1111-1111-1111-111111111111";
    private const string Elsewhere = "22222222-2222-2222-2222-222222222222";

    private static readonly ServicePrincipalFacts Graph = new() { Id = "graph-sp", AppId = WellKnownApps.MicrosoftGraph, DisplayName = "Microsoft Graph", OwnerTenantId = WellKnownApps.MicrosoftTenantId };
    private static readonly ServicePrincipalFacts Exchange = new() { Id = "exo-sp", AppId = WellKnownApps.ExchangeOnline, DisplayName = "Office 365 Exchange Online", OwnerTenantId = WellKnownApps.MicrosoftTenantId };
    private static readonly ServicePrincipalFacts Custom = new() { Id = "api-sp", AppId = "33333333-3333-3333-3333-333333333333", DisplayName = "Contoso Orders API", OwnerTenantId = Home };

    /// <summary>The organisation's own, verified, properly named app: no rule of the app's kind fires on it.</summary>
    private static readonly ServicePrincipalFacts OwnApp = new()
    {
        Id = "own-sp",
        AppId = "44444444-4444-4444-4444-444444444444",
        DisplayName = "Contoso Expenses",
        OwnerTenantId = Home,
        VerifiedPublisherId = "1234567",
        ReplyUrls = new[] { "https://expenses.contoso.com/signin-oidc" },
    };

    private static IEnumerable<RuleCase<OAuthGrantFacts>> Cases => new RuleCase<OAuthGrantFacts>[]
    {
        new("OAuthKnownMailboxTheftApp", Delegated("User.Read") with { Client = OwnApp with { AppId = "ff8d92dc-3d82-41d6-bcbd-b9174d163620" } }, Delegated("User.Read")),

        // Mail.Read is data; Mail.ReadBasic shows headers only (a mistake of the field: missing delegated Mail.Read). Exchange
        // Online's own Mail.Read (the Outlook REST scope) counts as Graph's does.
        new("OAuthUserDataScope", Delegated("Mail.Read") with { Resource = Exchange }, Delegated("Mail.ReadBasic") with { Resource = Exchange }),
        new("OAuthUserDataScope", Delegated("Mail.Read"), Delegated("Mail.ReadBasic")),
        new("OAuthUserDataScope", Delegated("Files.ReadWrite.All"), Delegated("Files.ReadWrite.All") with { Resource = Custom }),

        // Exchange's protocol scopes sit on the Exchange Online resource.
        new("OAuthMailboxProtocolScope", Delegated("EWS.AccessAsUser.All") with { Resource = Exchange }, Delegated("EWS.AccessAsUser.All") with { Resource = Custom }),
        new("OAuthBroadImpactPermission", Delegated("Directory.ReadWrite.All"), Delegated("Directory.Read.All")),

        // full_access_as_app is an application role: recognised as one, never looked for among delegated scopes.
        new("OAuthApplicationPermission", Application("full_access_as_app", Exchange), Delegated("full_access_as_app") with { Resource = Exchange }),
        new("OAuthOfflineAccessWithData", Delegated("offline_access Mail.ReadWrite"), Delegated("offline_access User.Read openid")),
        new("OAuthUnverifiedForeignPublisher", Delegated("User.Read") with { Client = OwnApp with { OwnerTenantId = Elsewhere, VerifiedPublisherId = null } }, Delegated("User.Read") with { Client = OwnApp with { OwnerTenantId = Elsewhere } }),
        new("OAuthForeignApp", Delegated("User.Read") with { Client = OwnApp with { OwnerTenantId = Elsewhere } }, Delegated("User.Read") with { Client = OwnApp with { OwnerTenantId = WellKnownApps.MicrosoftTenantId } }),
        new("OAuthTenantWideConsent", Delegated("User.Read") with { ConsentType = "AllPrincipals" }, Delegated("User.Read") with { ConsentType = "AllPrincipals", Client = OwnApp with { OwnerTenantId = WellKnownApps.MicrosoftTenantId } }),
        new("OAuthImitatesMicrosoft", Named("Micr0s0ft Sеcurity Updаte") with { Client = OwnApp with { DisplayName = "Micr0s0ft Sеcurity Updаte", VerifiedPublisherId = null } }, Named("Zoom for Outlook")),
        new("OAuthMeaninglessName", Named("..."), Named("Contoso Expenses")),
        new("OAuthMeaninglessName", Named("Test App 1"), Named("Testimonials")),
        new("OAuthMeaninglessName", Delegated("User.Read") with { Client = OwnApp with { DisplayName = "Adele Vance" }, PrincipalNames = new[] { "adele@contoso.com", "Adele Vance" } }, Delegated("User.Read") with { PrincipalNames = new[] { "adele@contoso.com", "Adele Vance" } }),
        new("OAuthSuspiciousReplyUrl", WithReplyUrl("http://localhost:8080/access/"), WithReplyUrl("https://login.contoso.com/callback")),
        new("OAuthSuspiciousReplyUrl", WithReplyUrl("https://203.0.113.7/cb"), WithReplyUrl("https://app.contoso.com/cb")),
        new("OAuthSuspiciousReplyUrl", WithReplyUrl("https://abcd-1234.ngrok-free.app/cb"), WithReplyUrl("https://ngrok-free.app.contoso.com/cb")),
        new("OAuthConsentedDuringIncident", Consented(hoursAfterIncidentStart: 2), Consented(hoursAfterIncidentStart: -2)),
        new("OAuthFewConsentingUsers", Delegated("User.Read") with { ConsentingUsers = 1 }, Delegated("User.Read") with { ConsentingUsers = 40 }),
    };

    [Fact]
    public void Each_rule_fires_on_its_case_and_not_on_its_near_miss() =>
        RuleTableAssert.EachRuleFiresOnItsCaseAndNotOnItsNearMiss(OAuthGrantRules.Table, Cases);

    [Fact]
    public void Microsofts_own_developer_tools_registered_outside_its_services_tenant_are_first_party_and_not_imitators()
    {
        OAuthGrantFacts graphCli = Delegated("Directory.AccessAsUser.All User.Read") with
        {
            Client = new ServicePrincipalFacts { Id = "cli", AppId = "14d82eec-204b-4c2f-b7e8-296a70dab67e", DisplayName = "Microsoft Graph Command Line Tools", OwnerTenantId = "cdc5aeea-15c5-4db6-b079-fcadd2505dc2" },
        };

        Assessment assessment = OAuthGrantRules.Table.Assess(graphCli);

        Assert.True(graphCli.Client.IsMicrosoftFirstParty);
        Assert.DoesNotContain("OAuthImitatesMicrosoft", assessment.ReasonCodes);
        Assert.DoesNotContain("OAuthForeignApp", assessment.ReasonCodes);
        Assert.False(OAuthFindingDecision.IsReported(graphCli, assessment, new OAuthHuntOptions()));
    }

    [Fact]
    public void User_Read_alone_is_not_a_finding_at_all()
    {
        Assert.Equal(RiskLevel.None, OAuthGrantRules.Table.Assess(Delegated("User.Read openid profile email offline_access")).Level);
    }

    [Fact]
    public void A_phishing_app_that_reads_mail_is_high_with_every_reason()
    {
        OAuthGrantFacts phishing = Delegated(" offline_access Mail.ReadWrite User.Read") with
        {
            Client = new ServicePrincipalFacts { Id = "x", AppId = "55555555-5555-5555-5555-555555555555", DisplayName = "0ffice 365 Mail Sync", OwnerTenantId = Elsewhere, ReplyUrls = new[] { "http://localhost:31544/access/" } },
            ConsentedAt = DateTimeOffset.Parse("2026-11-30T10:00:00Z"),
            IncidentStart = DateTimeOffset.Parse("2026-11-30T08:00:00Z"),
            ConsentingUsers = 1,
        };

        Assessment assessment = OAuthGrantRules.Table.Assess(phishing);

        Assert.Equal(RiskLevel.High, assessment.Level);
        Assert.Equal(
            new[] { "OAuthUserDataScope", "OAuthOfflineAccessWithData", "OAuthUnverifiedForeignPublisher", "OAuthForeignApp", "OAuthImitatesMicrosoft", "OAuthSuspiciousReplyUrl", "OAuthConsentedDuringIncident", "OAuthFewConsentingUsers" },
            assessment.ReasonCodes);
        Assert.Contains(assessment.Reasons, r => r.Contains("Mail.ReadWrite", StringComparison.Ordinal));
    }

    [Fact]
    public void The_organisations_own_verified_app_with_broad_scopes_is_not_high()
    {
        OAuthGrantFacts lineOfBusiness = Delegated("offline_access Mail.Read Files.ReadWrite.All Directory.ReadWrite.All") with { ConsentingUsers = 350 };

        Assessment assessment = OAuthGrantRules.Table.Assess(lineOfBusiness);

        Assert.Equal(RiskLevel.Medium, assessment.Level);
    }

    [Fact]
    public void An_admin_consented_application_permission_to_every_mailbox_is_high()
    {
        OAuthGrantFacts grant = Application("full_access_as_app", Exchange) with { Client = OwnApp with { OwnerTenantId = Elsewhere, VerifiedPublisherId = null } };

        Assert.Equal(RiskLevel.High, OAuthGrantRules.Table.Assess(grant).Level);
    }

    private static OAuthGrantFacts Delegated(string scope) => new()
    {
        Kind = GrantKind.Delegated,
        ConsentType = "Principal",
        Client = OwnApp,
        Resource = Graph,
        Permissions = PermissionCatalogue.SplitScopes(scope),
        HomeTenantId = Home,
    };

    private static OAuthGrantFacts Application(string role, ServicePrincipalFacts resource) => new()
    {
        Kind = GrantKind.Application,
        Client = OwnApp,
        Resource = resource,
        Permissions = new[] { role },
        HomeTenantId = Home,
    };

    private static OAuthGrantFacts Named(string displayName) => Delegated("User.Read") with { Client = OwnApp with { DisplayName = displayName } };

    private static OAuthGrantFacts WithReplyUrl(string url) => Delegated("User.Read") with { Client = OwnApp with { ReplyUrls = new[] { url } } };

    private static OAuthGrantFacts Consented(int hoursAfterIncidentStart)
    {
        DateTimeOffset start = DateTimeOffset.Parse("2026-11-30T08:00:00Z");
        return Delegated("User.Read") with { IncidentStart = start, ConsentedAt = start.AddHours(hoursAfterIncidentStart) };
    }
}

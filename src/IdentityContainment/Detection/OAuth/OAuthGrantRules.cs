namespace IdentityContainment.Detection.OAuth;

/// <summary>
/// The OAuth rules, as data. What an app may reach (its permissions) and what kind of app it is (who published it,
/// where it sends tokens, when and how it got consent) are separate rules, so an analyst sees each reason. Weights
/// are set so that reach alone stays below High unless it is tenant-wide (an application permission with a broad
/// one); an app that can read mail and looks like a phishing app is High.
/// </summary>
public static class OAuthGrantRules
{
    public static readonly RuleTable<OAuthGrantFacts> Table = new(new[]
    {
        new DetectionRule<OAuthGrantFacts>(
            "OAuthKnownMailboxTheftApp",
            100,
            g => g.Client.AppId is { } appId && WellKnownApps.SeenInMailboxTheft.ContainsKey(appId),
            g => $"is {WellKnownApps.SeenInMailboxTheft[g.Client.AppId!]} ({g.Client.AppId}), an app seen pulling mailboxes in business-email-compromise cases"),
        new DetectionRule<OAuthGrantFacts>(
            "OAuthUserDataScope",
            25,
            g => g.Kind == GrantKind.Delegated && Named(g, PermissionCatalogue.IsUserDataScope).Length > 0,
            g => $"can read or change the user's data ({string.Join(", ", Named(g, PermissionCatalogue.IsUserDataScope))})"),
        new DetectionRule<OAuthGrantFacts>(
            "OAuthMailboxProtocolScope",
            30,
            g => g.Kind == GrantKind.Delegated && Named(g, PermissionCatalogue.IsMailboxProtocolScope).Length > 0,
            g => $"can open the whole mailbox over a mail protocol ({ResourceName(g)}: {string.Join(", ", Named(g, PermissionCatalogue.IsMailboxProtocolScope))})"),
        new DetectionRule<OAuthGrantFacts>(
            "OAuthBroadImpactPermission",
            30,
            g => Named(g, PermissionCatalogue.IsBroadImpact).Length > 0,
            g => $"can change the tenant itself ({string.Join(", ", Named(g, PermissionCatalogue.IsBroadImpact))})"),
        new DetectionRule<OAuthGrantFacts>(
            "OAuthApplicationPermission",
            40,
            g => g.Kind == GrantKind.Application && Named(g, PermissionCatalogue.IsDataApplicationRole).Length > 0,
            g => $"holds an application permission, acting with no user and across the whole tenant ({ResourceName(g)}: {string.Join(", ", Named(g, PermissionCatalogue.IsDataApplicationRole))})"),
        new DetectionRule<OAuthGrantFacts>(
            "OAuthOfflineAccessWithData",
            10,
            g => g.Kind == GrantKind.Delegated && Has(g, PermissionCatalogue.OfflineAccess) && ReachesData(g),
            "holds offline_access beside data scopes: its refresh tokens keep working after the user's password is reset"),
        new DetectionRule<OAuthGrantFacts>(
            "OAuthUnverifiedForeignPublisher",
            20,
            g => g.IsForeign && !g.Client.IsPublisherVerified,
            g => $"comes from another organisation (tenant {g.Client.OwnerTenantId}) whose publisher is not verified"),
        new DetectionRule<OAuthGrantFacts>(
            "OAuthForeignApp",
            10,
            g => g.IsForeign,
            g => $"is registered in another organisation's tenant ({g.Client.OwnerTenantId})"),
        new DetectionRule<OAuthGrantFacts>(
            "OAuthTenantWideConsent",
            15,
            g => g.Kind == GrantKind.Delegated && g.IsAllPrincipals && !g.Client.IsMicrosoftFirstParty,
            "was consented for every user in the tenant (AllPrincipals) although Microsoft did not publish it"),
        new DetectionRule<OAuthGrantFacts>(
            "OAuthImitatesMicrosoft",
            35,
            g => !g.Client.IsMicrosoftFirstParty && !g.Client.IsPublisherVerified && AppNameTraits.ImitatedMicrosoftWord(g.Client.DisplayName) is not null,
            g => $"is named '{g.Client.DisplayName}', borrowing '{AppNameTraits.ImitatedMicrosoftWord(g.Client.DisplayName)}', but Microsoft did not publish it and its publisher is not verified"),
        new DetectionRule<OAuthGrantFacts>(
            "OAuthMeaninglessName",
            20,
            g => !g.Client.IsMicrosoftFirstParty && AppNameTraits.MeaninglessBecause(g.Client.DisplayName, g.PrincipalNames) is not null,
            g => AppNameTraits.MeaninglessBecause(g.Client.DisplayName, g.PrincipalNames)!),
        new DetectionRule<OAuthGrantFacts>(
            "OAuthSuspiciousReplyUrl",
            15,
            g => !g.Client.IsMicrosoftFirstParty && SuspiciousReplyUrl(g) is not null,
            g => SuspiciousReplyUrl(g)!),
        new DetectionRule<OAuthGrantFacts>(
            "OAuthConsentedDuringIncident",
            30,
            g => g.ConsentedAt is { } at && g.IncidentStart is { } start && at >= start,
            g => $"was consented at {g.ConsentedAt!.Value.UtcDateTime:u}, after the compromise began ({g.IncidentStart!.Value.UtcDateTime:u})"),
        new DetectionRule<OAuthGrantFacts>(
            "OAuthFewConsentingUsers",
            10,
            g => g.Kind == GrantKind.Delegated && !g.IsAllPrincipals && !g.Client.IsMicrosoftFirstParty && g.ConsentingUsers is > 0 and <= 2,
            g => $"only {g.ConsentingUsers} user(s) in the tenant consented to it"),
    });

    private static string[] Named(OAuthGrantFacts grant, Func<string, string?, bool> kind) =>
        grant.Permissions.Where(p => kind(p, grant.ResourceAppId)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    private static bool Has(OAuthGrantFacts grant, string permission) => grant.Permissions.Contains(permission, StringComparer.OrdinalIgnoreCase);

    private static bool ReachesData(OAuthGrantFacts grant) =>
        Named(grant, PermissionCatalogue.IsUserDataScope).Length + Named(grant, PermissionCatalogue.IsMailboxProtocolScope).Length + Named(grant, PermissionCatalogue.IsBroadImpact).Length > 0;

    private static string? SuspiciousReplyUrl(OAuthGrantFacts grant) => grant.Client.ReplyUrls.Select(ReplyUrlTraits.SuspiciousBecause).FirstOrDefault(why => why is not null);

    private static string ResourceName(OAuthGrantFacts grant) => grant.Resource?.DisplayName ?? grant.ResourceAppId ?? "unknown API";
}

namespace IdentityContainment.Sandbox;

/// <summary>
/// What <see cref="GeneratedTenantOptions.ConsentVariety"/> adds to a generated tenant: apps that ask for more than
/// sign-in, admin consents, application permissions and consent-phishing apps, all decided by the app's number (no
/// random draw), so a benchmark knows how many of each there are: of N apps, every 50th (index 49, 99, ...) is phishing,
/// every 100th (0, 100, ...) has an AllPrincipals grant and every 250th (0, 250, ...) Graph's Mail.ReadWrite role.
/// </summary>
internal sealed class ConsentVarietyStory(ServicePrincipalRecord graph, DateTimeOffset now)
{
    private const string GraphMailReadWriteRole = "e2a3a72e-5f79-4c64-b1b1-878b674786c9";
    private const string PhishingScope = " Mail.ReadWrite Mail.Send offline_access User.Read";

    private readonly HashSet<string> _phishingConsented = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>"Consent to application" events, one per phishing app (its first consenting user).</summary>
    public List<DirectoryAuditRecord> Audits { get; } = [];

    public static bool IsPhishing(int appIndex) => appIndex % 50 == 49;

    /// <summary>A phishing app loses its verified publisher and gets a localhost reply URL.</summary>
    public ServicePrincipalRecord Shape(ServicePrincipalRecord app, int appIndex) => IsPhishing(appIndex)
        ? app with { DisplayName = $"Mail Helper {appIndex + 1:D4}", AppDisplayName = $"Mail Helper {appIndex + 1:D4}", PublisherName = null, VerifiedPublisher = null, ReplyUrls = ["http://localhost:8080/access/"] }
        : app;

    public string ScopeOf(int appNumber, int appCount)
    {
        var appIndex = appNumber % appCount;
        return IsPhishing(appIndex) ? PhishingScope
            : appIndex % 7 == 0 ? " Mail.Read offline_access User.Read"
            : appIndex % 11 == 0 ? " Files.ReadWrite.All offline_access User.Read"
            : " User.Read openid profile offline_access";
    }

    /// <summary>The first user to consent to a phishing app gets the app's foothold and the consent event.</summary>
    public void Consented(UserRecord user, ServicePrincipalRecord app, int appIndex, List<FootholdDefinition> footholds)
    {
        if (!IsPhishing(appIndex) || !_phishingConsented.Add(app.Id))
            return;
        var at = now.AddHours(-1 - appIndex % 48);
        footholds.Add(new FootholdDefinition
        {
            Id = $"fh-app-{appIndex:D5}",
            Kind = FootholdKind.OAuthApp,
            UserId = user.Id,
            Target = app.Id,
            Description = $"Consent-phishing app '{app.DisplayName}' (unverified, localhost reply URL) with Mail.ReadWrite and Mail.Send.",
        });
        Audits.Add(new DirectoryAuditRecord
        {
            Id = "Directory_" + StableGuid.From($"consent/{app.Id}/{user.Id}"),
            ActivityDateTime = at,
            ActivityDisplayName = "Consent to application",
            Category = "ApplicationManagement",
            OperationType = "Assign",
            InitiatedBy = new AuditActor { User = new AuditUserIdentity { Id = user.Id, DisplayName = user.DisplayName, UserPrincipalName = user.UserPrincipalName, IpAddress = "198.51.100.77" } },
            TargetResources =
            [
                new AuditTargetResource
                {
                    Id = app.Id,
                    DisplayName = app.DisplayName,
                    Type = "ServicePrincipal",
                    ModifiedProperties =
                    [
                        new AuditModifiedProperty { DisplayName = "ConsentContext.IsAdminConsent", NewValue = "\"False\"" },
                        new AuditModifiedProperty { DisplayName = "ConsentContext.OnBehalfOfAll", NewValue = "\"False\"" },
                    ],
                },
            ],
        });
    }

    public IEnumerable<PermissionGrantRecord> AdminGrants(IReadOnlyList<ServicePrincipalRecord> apps) =>
        apps.Where((_, i) => i % 100 == 0).Select(app => new PermissionGrantRecord
        {
            Id = PermissionGrantIds.For(app.Id, graph.Id, null),
            ClientId = app.Id,
            ConsentType = ConsentTypes.AllPrincipals,
            ResourceId = graph.Id,
            Scope = " User.Read.All offline_access",
            CreatedDateTime = now.AddDays(-300),
        });

    public IReadOnlyList<AppRoleAssignmentRecord> ApplicationPermissions(IReadOnlyList<ServicePrincipalRecord> apps) =>
        apps.Where((_, i) => i % 250 == 0).Select(app => new AppRoleAssignmentRecord
        {
            Id = AppRoleAssignmentIds.For(app.Id, graph.Id, GraphMailReadWriteRole),
            AppRoleId = GraphMailReadWriteRole,
            PrincipalId = app.Id,
            PrincipalType = "ServicePrincipal",
            PrincipalDisplayName = app.DisplayName,
            ResourceId = graph.Id,
            ResourceDisplayName = graph.DisplayName,
            CreatedDateTime = now.AddDays(-200),
        }).ToArray();
}

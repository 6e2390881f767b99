namespace IdentityContainment.Detection.OAuth;

/// <summary>App ids and tenant ids the OAuth rules recognise.</summary>
public static class WellKnownApps
{
    /// <summary>The tenant most of Microsoft's first-party apps are registered in.</summary>
    public const string MicrosoftTenantId = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";

    /// <summary>
    /// Every tenant Microsoft publishes first-party apps from: the services tenant above, Microsoft's corporate tenant
    /// (72f988bf-...), and the one Microsoft Graph Command Line Tools and other developer tools are registered in
    /// (cdc5aeea-...), as seen in public tools' issue threads (Galvnyz/M365-Assess#887, mondoohq/mql#4572). These apps
    /// carry no verifiedPublisher, so a rule that read them as foreign would flag Microsoft's own tools.
    /// </summary>
    public static readonly IReadOnlyCollection<string> MicrosoftTenantIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        MicrosoftTenantId,
        "72f988bf-86f1-41af-91ab-2d7cd011db47",
        "cdc5aeea-15c5-4db6-b079-fcadd2505dc2",
    };

    /// <summary>The resource apps whose permissions reach mail, files and the directory.</summary>
    public const string MicrosoftGraph = "00000003-0000-0000-c000-000000000000";

    public const string ExchangeOnline = "00000002-0000-0ff1-ce00-000000000000";

    public const string SharePointOnline = "00000003-0000-0ff1-ce00-000000000000";

    public static readonly IReadOnlyCollection<string> DataResources = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        MicrosoftGraph,
        ExchangeOnline,
        SharePointOnline,
    };

    /// <summary>
    /// Apps seen in business-email-compromise investigations, used to pull a mailbox or send as the user; high risk
    /// whatever scopes they hold.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> SeenInMailboxTheft = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["ff8d92dc-3d82-41d6-bcbd-b9174d163620"] = "PerfectData Software",
        ["e9a7fea1-1cc0-4cd9-a31b-9137ca5deedd"] = "eM Client",
        ["a245e8c0-b53c-4b67-9b45-751d1dff8e6b"] = "Newsletter Software Supermailer",
        ["4761b959-9780-4c2d-87a3-512b4638f767"] = "rclone",
        ["b15665d9-eda6-4092-8539-0eec376afd59"] = "rclone",
        ["2ef68ccc-8a4d-42ff-ae88-2d7bb89ad139"] = "Mail_Backup",
        ["a43e5392-f48b-46a4-a0f1-098b5eeb4757"] = "CloudSponge",
        ["caffae8c-0882-4c81-9a27-d1803af53a40"] = "SigParser",
        ["179d5108-412b-4c95-8e34-06786784ab39"] = "PostBox",
        ["497ac034-5120-4c1a-929a-0351f5c09918"] = "ZoomInfo Communitiez Login",
        ["858d7e42-35f0-44b7-9033-df309239a47f"] = "Zoominfo Login",
        ["77468577-4f6e-40e7-b745-11d3d0c28095"] = "Fastmail",
        ["946c777c-bc85-489e-b034-392389ae23d6"] = "Spike",
    };
}

namespace IdentityContainment.Sandbox;

/// <summary>The shape of a generated tenant. The same options (and seed) always give the same tenant.</summary>
public sealed record GeneratedTenantOptions
{
    /// <summary>Generated users, on top of the operator admins carried over from the clean scenario.</summary>
    public int Users { get; init; } = 100;

    /// <summary>
    /// Users with a stolen session and a known password (session + password footholds each), spread
    /// evenly over the generated users; may equal <see cref="Users"/>.
    /// </summary>
    public int CompromisedUsers { get; init; } = 1;

    /// <summary>Third-party enterprise apps users consent to.</summary>
    public int ServicePrincipals { get; init; } = 20;
    public int GrantsPerUser { get; init; } = 1;
    /// <summary>Inbox rules in each generated mailbox; they rotate through ordinary kinds, some moving or copying to folders.</summary>
    public int InboxRulesPerUser { get; init; } = 1;

    /// <summary>
    /// How many generated users (the first ones) have a mailbox, each with <see cref="InboxRulesPerUser"/> rules; the rest
    /// have none and answer MailboxNotEnabledForRESTAPI. Null: every generated user has one when there are rules to give.
    /// </summary>
    public int? Mailboxes { get; init; }
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Ordinary successful sign-ins per generated user over the last 30 days (office and home, with coordinates), on top
    /// of the attack's own: for benchmarks of sign-in analysis (<see cref="SignInHistoryStory"/>). 0 by default.
    /// </summary>
    public int SignInsPerUser { get; init; }

    /// <summary>The moment relative times are taken from; default now.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>How the compromised users were compromised: the footholds' story and the attacker's sign-ins.</summary>
    public GeneratedAttack Attack { get; init; } = GeneratedAttack.AdversaryInTheMiddle;

    /// <summary>Of the compromised users, how many are synced from on-premises AD (Graph refuses cloud password changes for them).</summary>
    public int CompromisedSyncedUsers { get; init; }

    /// <summary>Of the compromised users, how many are B2B guests (revocation here does not end their session).</summary>
    public int CompromisedGuests { get; init; }

    /// <summary>Of the compromised users, how many are Global Administrators (app-only callers cannot reset or disable them).</summary>
    public int CompromisedGlobalAdministrators { get; init; }

    /// <summary>
    /// Consent of many kinds instead of every app asking only User.Read: some apps ask mail or file scopes, every 100th
    /// app has tenant-wide admin consent, every 250th holds Graph's Mail.ReadWrite application permission, and every 50th
    /// is a consent-phishing app (unverified, localhost reply URL, Mail.ReadWrite and Mail.Send with offline_access) with
    /// an <c>oauthApp</c> foothold and a "Consent to application" audit. Draws nothing from the seed, so users and grant
    /// ids stay those of the same options without it. See <see cref="ConsentVarietyStory"/>.
    /// </summary>
    public bool ConsentVariety { get; init; }

    /// <summary>The scenario's name.</summary>
    public string Name { get; init; } = ScenarioLoader.GeneratedName;

    /// <summary>
    /// The password-spray scenario: 1,250 users, 1,000 of them compromised by a password spray (a
    /// session and a password foothold each), among them 5 synced users, 5 guests and one Global
    /// Administrator. <c>--scenario password-spray</c> loads exactly this.
    /// </summary>
    public static GeneratedTenantOptions PasswordSpray(DateTimeOffset? now = null) => new()
    {
        Name = ScenarioLoader.PasswordSprayName,
        Users = 1250,
        CompromisedUsers = 1000,
        CompromisedSyncedUsers = 5,
        CompromisedGuests = 5,
        CompromisedGlobalAdministrators = 1,
        Attack = GeneratedAttack.PasswordSpray,
        Seed = 2026,
        Now = now,
    };
}

public static class GeneratedTenantPresets
{
    /// <summary>
    /// The OAuth benchmark tenant (issue 14): 50,000 users, 100,000 delegated grants to 5,000 service principals, with
    /// <see cref="GeneratedTenantOptions.ConsentVariety"/>; no inbox rules, to keep the tenant's memory to the grants.
    /// </summary>
    public static GeneratedTenantOptions LargeConsent(DateTimeOffset? now = null) => new()
    {
        Name = "large-consent",
        Users = 50_000,
        CompromisedUsers = 1,
        ServicePrincipals = 5_000,
        GrantsPerUser = 2,
        InboxRulesPerUser = 0,
        ConsentVariety = true,
        Seed = 14,
        Now = now,
    };
}

/// <summary>Tenants the mailbox benchmark runs against.</summary>
public static class GeneratedMailboxPresets
{
    /// <summary>
    /// The mailbox benchmark tenant (issue 15): 1,000 users, each with a mailbox of 10 inbox rules (folders to resolve
    /// among them). <c>--scenario mailbox-benchmark</c> loads exactly this.
    /// </summary>
    public static GeneratedTenantOptions MailboxBenchmark(DateTimeOffset? now = null) => new()
    {
        Name = ScenarioLoader.MailboxBenchmarkName,
        Users = 1_000,
        Mailboxes = 1_000,
        InboxRulesPerUser = 10,
        CompromisedUsers = 1,
        ServicePrincipals = 20,
        GrantsPerUser = 1,
        Seed = 15,
        Now = now,
    };
}

/// <summary>The attack that compromised a generated tenant's users.</summary>
public enum GeneratedAttack
{
    /// <summary>An adversary-in-the-middle phishing page stole session and password together.</summary>
    AdversaryInTheMiddle,

    /// <summary>A password spray guessed common passwords, and the attacker signed in with them.</summary>
    PasswordSpray,
}

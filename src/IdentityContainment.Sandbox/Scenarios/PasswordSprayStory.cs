namespace IdentityContainment.Sandbox;

/// <summary>
/// What a password spray leaves behind in a generated tenant: the victims' common seasonal
/// passwords, the attacker's successful sign-ins from a handful of addresses (with a session kept
/// and the password known: a session and a password foothold each), Identity Protection flagging the
/// members among them, and failed attempts against everyone else.
/// </summary>
internal static class PasswordSprayStory
{
    private static readonly string[] GuessedPasswords = ["Winter2025!", "Spring2026!"];

    /// <summary>The password the spray guessed for the victim at this index.</summary>
    public static string GuessedPassword(int index) => GuessedPasswords[index % GuessedPasswords.Length];

    // Documentation addresses (RFC 5737), a few of them as a spray rotates through its infrastructure.
    private static string AttackerAddress(int index) => $"198.51.100.{101 + index % 8}";

    /// <returns>When the attacker signed in (the compromise time).</returns>
    public static DateTimeOffset Compromise(UserRecord user, int index, Random random, DateTimeOffset now,
        List<FootholdDefinition> footholds, List<SignInRecord> signIns, List<RiskyUserRecord> riskyUsers)
    {
        var signedIn = now.AddMinutes(-random.Next(6 * 60, 30 * 60));
        StolenCredentialFootholds.Add(footholds, index, user, signedIn,
            $"Refresh token the attacker got by signing in as {user.UserPrincipalName} with the sprayed password.",
            $"Password of {user.UserPrincipalName} guessed in the password spray (a common seasonal password).");
        signIns.Add(Attempt(user, random, signedIn, index) with
        {
            RiskLevelDuringSignIn = "medium",
            RiskLevelAggregated = "medium",
            RiskState = "atRisk",
            RiskEventTypes = ["passwordSpray"],
        });
        // Identity Protection scores users of this tenant; a B2B guest's risk belongs to their home tenant.
        if (!user.IsGuest)
            riskyUsers.Add(new RiskyUserRecord
            {
                Id = user.Id,
                UserDisplayName = user.DisplayName,
                UserPrincipalName = user.UserPrincipalName,
                RiskLevel = "medium",
                RiskState = "atRisk",
                RiskDetail = "none",
                RiskLastUpdatedDateTime = signedIn,
            });
        return signedIn;
    }

    /// <summary>The spray's failed attempt against a user whose password it did not guess.</summary>
    public static SignInRecord FailedAttempt(UserRecord user, int index, Random random, DateTimeOffset now) =>
        Attempt(user, random, now.AddMinutes(-random.Next(6 * 60, 30 * 60)), index) with
        {
            Status = new SignInStatus { ErrorCode = 50126, FailureReason = "Error validating credentials due to invalid username or password." },
        };

    public static string Describe(GeneratedTenantOptions options) =>
        $"A password spray from 198.51.100.101-108 guessed the seasonal passwords of {options.CompromisedUsers} of {options.Users} users " +
        $"({options.CompromisedSyncedUsers} synced from on-premises, {options.CompromisedGuests} B2B guests, " +
        $"{options.CompromisedGlobalAdministrators} Global Administrator) and signed in as each: a session and a password foothold per victim. " +
        "The others saw failed attempts only.";

    private static SignInRecord Attempt(UserRecord user, Random random, DateTimeOffset when, int index) => new()
    {
        Id = ScenarioGenerator.NextGuid(random),
        CreatedDateTime = when,
        UserId = user.Id,
        UserPrincipalName = user.UserPrincipalName,
        UserDisplayName = user.DisplayName,
        IpAddress = AttackerAddress(index),
        AppId = "1b730954-1685-4b74-9bfd-dac224a7b894",
        AppDisplayName = "Azure Active Directory PowerShell",
        ClientAppUsed = "Mobile Apps and Desktop clients",
        Location = new SignInLocation { City = "Amsterdam", State = "Noord-Holland", CountryOrRegion = "NL" },
        DeviceDetail = new SignInDeviceDetail { OperatingSystem = "Linux", Browser = "Python Requests 2.31" },
    };
}

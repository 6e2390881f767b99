namespace IdentityContainment.Sandbox;

/// <summary>
/// Builds large tenants in code for drills and benchmarks: the clean scenario's tenant, operators,
/// first-party apps and admins, plus generated users with consent grants, inbox rules and
/// authentication methods, some of them compromised. Deterministic for a given seed.
/// </summary>
public static class ScenarioGenerator
{
    private static readonly string[] GivenNames =
        ["Avery", "Blake", "Casey", "Devon", "Emery", "Finley", "Harper", "Jamie", "Kendall", "Logan", "Morgan", "Parker", "Quinn", "Riley", "Rowan", "Sage", "Skyler", "Taylor"];

    private static readonly string[] Surnames =
        ["Abbott", "Brennan", "Castillo", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ito", "Jansen", "Kowalski", "Larsen", "Moreau", "Nakamura", "Okafor", "Petrov", "Rossi", "Silva"];

    private static readonly string[] JobTitles =
        ["Accountant", "Sales Representative", "Engineer", "Marketing Specialist", "HR Generalist", "Support Analyst", "Project Manager", "Buyer"];

    public static Scenario Generate(GeneratedTenantOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Users);
        ArgumentOutOfRangeException.ThrowIfNegative(options.ServicePrincipals);
        ArgumentOutOfRangeException.ThrowIfNegative(options.GrantsPerUser);
        ArgumentOutOfRangeException.ThrowIfNegative(options.InboxRulesPerUser);
        ArgumentOutOfRangeException.ThrowIfNegative(options.SignInsPerUser);
        if (options.Mailboxes is < 0 || options.Mailboxes > options.Users)
            throw new ArgumentOutOfRangeException(nameof(options), "Mailboxes must be between 0 and Users.");
        if (options.CompromisedUsers < 0 || options.CompromisedUsers > options.Users)
            throw new ArgumentOutOfRangeException(nameof(options), "CompromisedUsers must be between 0 and Users.");
        if (options.CompromisedSyncedUsers < 0 || options.CompromisedGuests < 0 || options.CompromisedGlobalAdministrators < 0
            || options.CompromisedSyncedUsers + options.CompromisedGuests + options.CompromisedGlobalAdministrators > options.CompromisedUsers)
            throw new ArgumentOutOfRangeException(nameof(options), "CompromisedSyncedUsers, CompromisedGuests and CompromisedGlobalAdministrators must add up to no more than CompromisedUsers.");

        var now = GraphTime.ToWholeSeconds(options.Now ?? DateTimeOffset.UtcNow);
        var clean = ScenarioLoader.Load("clean", now);
        var random = new Random(options.Seed);
        var domain = clean.Tenant.DefaultDomain;
        var graph = clean.ServicePrincipals.First(sp => sp.AppId == GraphResource.AppId);
        var adminIds = clean.Operators.DelegatedAdmins.Select(a => a.UserId).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var apps = new List<ServicePrincipalRecord>(options.ServicePrincipals);
        var consent = options.ConsentVariety ? new ConsentVarietyStory(graph, now) : null;
        for (var i = 0; i < options.ServicePrincipals; i++)
        {
            var verified = random.Next(4) != 0;
            apps.Add(new ServicePrincipalRecord
            {
                Id = NextGuid(random),
                AppId = NextGuid(random),
                DisplayName = $"Partner App {i + 1:D3}",
                PublisherName = $"Partner Software {i + 1:D3}",
                VerifiedPublisher = verified ? new VerifiedPublisher { DisplayName = $"Partner Software {i + 1:D3}", VerifiedPublisherId = (1_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), AddedDateTime = now.AddDays(-random.Next(100, 900)) } : null,
                AppOwnerOrganizationId = NextGuid(random),
                SignInAudience = "AzureADMultipleOrgs",
            });
            if (consent is not null)
                apps[^1] = consent.Shape(apps[^1], i);
        }

        var users = new List<UserRecord>(options.Users + adminIds.Count);
        users.AddRange(clean.Users.Where(u => adminIds.Contains(u.Id)));
        var grants = new List<PermissionGrantRecord>(options.Users * options.GrantsPerUser);
        var mailboxes = new List<MailboxRecord>(options.Users);
        var methods = new List<AuthenticationMethodRecord>(options.Users * 2);
        var footholds = new List<FootholdDefinition>(options.CompromisedUsers * 2);
        var signIns = new List<SignInRecord>(options.CompromisedUsers);
        var riskyUsers = new List<RiskyUserRecord>();
        var roles = CompromisedRoles.Assign(options);
        var guestDomain = clean.Tenant.InitialDomain;

        for (var i = 0; i < options.Users; i++)
        {
            var given = GivenNames[random.Next(GivenNames.Length)];
            var surname = Surnames[random.Next(Surnames.Length)];
            var upn = $"user{i:D5}@{domain}";
            var passwordChanged = now.AddDays(-random.Next(1, 180));
            var user = new UserRecord
            {
                Id = NextGuid(random),
                UserPrincipalName = upn,
                DisplayName = $"{given} {surname}",
                GivenName = given,
                Surname = surname,
                Mail = upn,
                JobTitle = JobTitles[random.Next(JobTitles.Length)],
                CreatedDateTime = passwordChanged.AddDays(-random.Next(30, 1500)),
                LastPasswordChangeDateTime = passwordChanged,
                SignInSessionsValidFromDateTime = passwordChanged,
            };
            var compromised = CompromisedRoles.IsCompromised(i, options);
            // Special victims change no random draw, so existing seeds keep giving the same tenant.
            switch (compromised ? roles.GetValueOrDefault(i) : CompromisedRole.Ordinary)
            {
                case CompromisedRole.Guest:
                    var home = $"user{i:D5}@fabrikam.com";
                    upn = $"user{i:D5}_fabrikam.com#EXT#@{guestDomain}";
                    user = user with { UserPrincipalName = upn, Mail = home, UserType = UserTypes.Guest, JobTitle = null };
                    break;
                case CompromisedRole.Synced:
                    user = user with { OnPremisesSyncEnabled = true };
                    break;
                case CompromisedRole.GlobalAdministrator:
                    user = user with { DirectoryRoles = [DirectoryRoles.GlobalAdministrator], JobTitle = "IT Administrator" };
                    break;
            }
            if (compromised && options.Attack == GeneratedAttack.PasswordSpray)
                user = user with { Password = new SecretText(PasswordSprayStory.GuessedPassword(i)) };
            users.Add(user);

            // Distinct apps per user: Graph keeps one grant per client, resource and user.
            var firstApp = apps.Count == 0 ? 0 : random.Next(apps.Count);
            for (var g = 0; g < Math.Min(options.GrantsPerUser, apps.Count); g++)
            {
                var app = apps[(firstApp + g) % apps.Count];
                grants.Add(new PermissionGrantRecord
                {
                    Id = PermissionGrantIds.For(app.Id, graph.Id, user.Id),
                    ClientId = app.Id,
                    PrincipalId = user.Id,
                    ResourceId = graph.Id,
                    Scope = consent?.ScopeOf(firstApp + g, apps.Count) ?? " User.Read openid profile offline_access",
                });
                consent?.Consented(user, app, (firstApp + g) % apps.Count, footholds);
            }
            if (i < (options.Mailboxes ?? (options.InboxRulesPerUser > 0 ? options.Users : 0)))
                mailboxes.Add(GeneratedMailbox.For(user, i, options.InboxRulesPerUser, domain));
            methods.Add(new AuthenticationMethodRecord { Id = WellKnownAuthenticationMethodIds.Password, UserId = user.Id, Type = AuthenticationMethodType.Password, CreatedDateTime = passwordChanged });
            methods.Add(new AuthenticationMethodRecord
            {
                Id = WellKnownAuthenticationMethodIds.MobilePhone,
                UserId = user.Id,
                Type = AuthenticationMethodType.Phone,
                PhoneNumber = $"+1 425555{i % 10000:D4}",
                PhoneType = "mobile",
                SmsSignInState = "notAllowedByPolicy",
                CreatedDateTime = user.CreatedDateTime,
            });

            if (compromised && options.Attack == GeneratedAttack.PasswordSpray)
            {
                var signedIn = PasswordSprayStory.Compromise(user, i, random, now, footholds, signIns, riskyUsers);
                users[^1] = user = NothingChangedSince(user, signedIn);
            }
            else if (compromised)
            {
                var phished = now.AddHours(-random.Next(12, 72));
                users[^1] = user = NothingChangedSince(user, phished);
                StolenCredentialFootholds.Add(footholds, i, user, phished,
                    $"Refresh token for {upn} stolen by an adversary-in-the-middle page.",
                    $"Password of {upn} captured by the same page.");
                signIns.Add(new SignInRecord
                {
                    Id = NextGuid(random),
                    CreatedDateTime = phished,
                    UserId = user.Id,
                    UserPrincipalName = upn,
                    UserDisplayName = user.DisplayName,
                    IpAddress = "198.51.100.77",
                    RiskLevelDuringSignIn = "medium",
                    RiskState = "atRisk",
                    RiskEventTypes = ["unfamiliarFeatures"],
                    Location = new SignInLocation { City = "Frankfurt am Main", State = "Hessen", CountryOrRegion = "DE" },
                    DeviceDetail = new SignInDeviceDetail { OperatingSystem = "Windows 10", Browser = "Chrome 124.0.0" },
                });
            }
            else if (options.Attack == GeneratedAttack.PasswordSpray)
            {
                signIns.Add(PasswordSprayStory.FailedAttempt(user, i, random, now));
            }
        }

        SignInHistoryStory.Add(signIns, users.Where(u => !adminIds.Contains(u.Id)).ToList(), options.SignInsPerUser, options.Seed, now);

        return new Scenario
        {
            Name = options.Name,
            Description = options.Attack == GeneratedAttack.PasswordSpray
                ? PasswordSprayStory.Describe(options)
                : $"Generated tenant: {options.Users} users, {options.CompromisedUsers} compromised, seed {options.Seed}.",
            Tenant = clean.Tenant,
            Operators = clean.Operators,
            KeyVaults = clean.KeyVaults,
            RiskyUsers = riskyUsers,
            Users = users,
            ServicePrincipals = [.. clean.ServicePrincipals, .. apps],
            OAuth2PermissionGrants = consent is null ? grants : [.. grants, .. consent.AdminGrants(apps)],
            AppRoleAssignments = consent?.ApplicationPermissions(apps) ?? [],
            DirectoryAudits = consent?.Audits ?? [],
            Mailboxes = mailboxes,
            AuthenticationMethods = methods,
            SignIns = signIns,
            Footholds = footholds,
        };
    }

    /// <summary>
    /// A planted foothold must be open at load: a victim whose password changed (and whose sessions
    /// were revoked) after the compromise gets those times moved to a day before it. No random draw.
    /// </summary>
    private static UserRecord NothingChangedSince(UserRecord user, DateTimeOffset compromised)
    {
        var before = compromised.AddDays(-1);
        return user.LastPasswordChangeDateTime > compromised || user.SignInSessionsValidFromDateTime > compromised
            ? user with { LastPasswordChangeDateTime = before, SignInSessionsValidFromDateTime = before }
            : user;
    }

    internal static string NextGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }
}

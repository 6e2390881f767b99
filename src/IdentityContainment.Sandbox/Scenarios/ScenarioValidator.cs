namespace IdentityContainment.Sandbox;

/// <summary>
/// Checks what JSON alone cannot (unique ids, references that resolve, fields a kind requires) and
/// resolves user references given as UPNs to object ids, filling display names the scenario left out.
/// </summary>
internal sealed partial class ScenarioValidator(Scenario scenario, string source)
{
    private readonly List<string> _problems = [];
    private readonly Dictionary<string, UserRecord> _usersById = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, UserRecord> _usersByUpn = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ServicePrincipalRecord> _servicePrincipals = new(StringComparer.OrdinalIgnoreCase);

    public Scenario Validate()
    {
        CheckTenant();
        CheckUsers();
        CheckServicePrincipals();
        var result = scenario with
        {
            Operators = CheckOperators(),
            OAuth2PermissionGrants = CheckGrants(),
            AppRoleAssignments = CheckAppRoleAssignments(),
            Mailboxes = CheckMailboxes(),
            AuthenticationMethods = CheckAuthenticationMethods(),
            Devices = CheckDevices(),
            SignIns = CheckSignIns(),
            DirectoryAudits = CheckUnique(scenario.DirectoryAudits, "directoryAudits", a => a.Id).ToArray(),
            RiskyUsers = CheckRiskyUsers(),
            KeyVaults = CheckKeyVaults(),
        };
        result = result with { Footholds = CheckFootholds(result) };
        if (_problems.Count > 0)
        {
            var more = _problems.Count > 1 ? $" ({_problems.Count - 1} more problem{(_problems.Count > 2 ? "s" : "")} after this one)" : "";
            throw new ScenarioLoadException(source, _problems[0] + more);
        }
        return result;
    }

    private void Problem(string message) => _problems.Add(message);

    private void CheckTenant()
    {
        if (string.IsNullOrWhiteSpace(scenario.Name))
            Problem("name: must not be empty.");
        if (!Guid.TryParse(scenario.Tenant.Id, out _))
            Problem($"tenant.id: '{scenario.Tenant.Id}' is not a GUID.");
        var initial = scenario.Tenant.VerifiedDomains.Count(d => d.IsInitial);
        if (initial != 1)
            Problem($"tenant.verifiedDomains: exactly one domain must be isInitial (found {initial}).");
        if (scenario.Tenant.VerifiedDomains.Count(d => d.IsDefault) > 1)
            Problem("tenant.verifiedDomains: at most one domain may be isDefault.");
    }

    private void CheckUsers()
    {
        for (var i = 0; i < scenario.Users.Count; i++)
        {
            var user = scenario.Users[i];
            var at = $"users[{i}]";
            if (!Guid.TryParse(user.Id, out _))
                Problem($"{at}.id: '{user.Id}' is not a GUID (Graph user ids are GUIDs).");
            if (!_usersById.TryAdd(user.Id, user))
                Problem($"{at}.id: duplicate id '{user.Id}'.");
            if (!user.UserPrincipalName.Contains('@'))
                Problem($"{at}.userPrincipalName: '{user.UserPrincipalName}' is not a user principal name (name@domain).");
            if (!_usersByUpn.TryAdd(user.UserPrincipalName, user))
                Problem($"{at}.userPrincipalName: duplicate '{user.UserPrincipalName}'.");
            if (user.UserType is not (UserTypes.Member or UserTypes.Guest))
                Problem($"{at}.userType: '{user.UserType}' must be Member or Guest.");
            foreach (var role in user.DirectoryRoles.Where(r => !DirectoryRoles.IsKnown(r)))
                Problem($"{at}.directoryRoles: unknown directory role '{role}'.");
            // Graph's user resource: usageLocation is "a two-letter country code (ISO standard 3166)".
            if (user.UsageLocation is { } location && !(location.Length == 2 && location.All(char.IsAsciiLetterUpper)))
                Problem($"{at}.usageLocation: '{location}' is not a two-letter country code in capitals (ISO 3166-1 alpha-2, such as US or GB).");
        }
    }

    private void CheckServicePrincipals()
    {
        var appIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < scenario.ServicePrincipals.Count; i++)
        {
            var sp = scenario.ServicePrincipals[i];
            if (!_servicePrincipals.TryAdd(sp.Id, sp))
                Problem($"servicePrincipals[{i}].id: duplicate id '{sp.Id}'.");
            if (!appIds.Add(sp.AppId))
                Problem($"servicePrincipals[{i}].appId: duplicate appId '{sp.AppId}'.");
        }
    }

    private ScenarioOperators CheckOperators()
    {
        var operators = scenario.Operators;
        CheckUnique(operators.Applications, "operators.applications", a => a.AppId);
        for (var i = 0; i < operators.Applications.Count; i++)
            foreach (var role in operators.Applications[i].DirectoryRoles.Where(r => !DirectoryRoles.IsKnown(r)))
                Problem($"operators.applications[{i}].directoryRoles: unknown directory role '{role}'.");
        CheckUnique(operators.ManagedIdentities, "operators.managedIdentities", m => m.ClientId);
        for (var i = 0; i < operators.ManagedIdentities.Count; i++)
            foreach (var role in operators.ManagedIdentities[i].DirectoryRoles.Where(r => !DirectoryRoles.IsKnown(r)))
                Problem($"operators.managedIdentities[{i}].directoryRoles: unknown directory role '{role}'.");
        if (operators.ManagedIdentities.Count(m => m.Kind == ManagedIdentityKind.SystemAssigned) > 1)
            Problem("operators.managedIdentities: at most one may be systemAssigned.");
        var admins = operators.DelegatedAdmins
            .Select((a, i) => a with { UserId = ResolveUser(a.UserId, $"operators.delegatedAdmins[{i}].userId") })
            .ToArray();
        return operators with { DelegatedAdmins = admins };
    }

    private PermissionGrantRecord[] CheckGrants() =>
        CheckUnique(scenario.OAuth2PermissionGrants, "oauth2PermissionGrants", g => g.Id)
            .Select((g, i) =>
            {
                var at = $"oauth2PermissionGrants[{i}]";
                RequireServicePrincipal(g.ClientId, $"{at}.clientId");
                RequireServicePrincipal(g.ResourceId, $"{at}.resourceId");
                switch (g.ConsentType)
                {
                    case ConsentTypes.Principal when g.PrincipalId is null:
                        Problem($"{at}.principalId: required when consentType is Principal.");
                        return g;
                    case ConsentTypes.Principal:
                        return g with { PrincipalId = ResolveUser(g.PrincipalId, $"{at}.principalId") };
                    case ConsentTypes.AllPrincipals when g.PrincipalId is not null:
                        Problem($"{at}.principalId: must be null when consentType is AllPrincipals.");
                        return g;
                    case ConsentTypes.AllPrincipals:
                        return g;
                    default:
                        Problem($"{at}.consentType: '{g.ConsentType}' must be Principal or AllPrincipals.");
                        return g;
                }
            })
            .ToArray();

    private AppRoleAssignmentRecord[] CheckAppRoleAssignments() =>
        CheckUnique(scenario.AppRoleAssignments, "appRoleAssignments", a => a.Id)
            .Select((a, i) =>
            {
                var at = $"appRoleAssignments[{i}]";
                var resource = RequireServicePrincipal(a.ResourceId, $"{at}.resourceId");
                string principalId = a.PrincipalId;
                string? principalName = a.PrincipalDisplayName;
                if (a.PrincipalType == "User")
                {
                    principalId = ResolveUser(a.PrincipalId, $"{at}.principalId");
                    principalName ??= _usersById.GetValueOrDefault(principalId)?.DisplayName;
                }
                else if (a.PrincipalType == "ServicePrincipal")
                    principalName ??= RequireServicePrincipal(a.PrincipalId, $"{at}.principalId")?.DisplayName;
                else if (a.PrincipalType != "Group")
                    Problem($"{at}.principalType: '{a.PrincipalType}' must be User, Group or ServicePrincipal.");
                return a with
                {
                    PrincipalId = principalId,
                    PrincipalDisplayName = principalName,
                    ResourceDisplayName = a.ResourceDisplayName ?? resource?.DisplayName,
                };
            })
            .ToArray();

    private MailboxRecord[] CheckMailboxes()
    {
        var mailboxes = scenario.Mailboxes
            .Select((m, i) => m with { UserId = ResolveUser(m.UserId, $"mailboxes[{i}].userId") })
            .ToArray();
        CheckUnique(mailboxes, "mailboxes", m => m.UserId, what: "a mailbox for user");
        for (var i = 0; i < mailboxes.Length; i++)
        {
            CheckUnique(mailboxes[i].InboxRules, $"mailboxes[{i}].inboxRules", r => r.Id);
            CheckUnique(mailboxes[i].Delegations, $"mailboxes[{i}].delegations", d => d.Id);
            CheckFolders(mailboxes[i], $"mailboxes[{i}]");
            CheckForwarding(mailboxes[i].Forwarding, $"mailboxes[{i}].forwarding");
        }
        CheckUnique(scenario.MailContacts, "mailContacts", c => c.Name.ToLowerInvariant(), what: "name");
        return mailboxes;
    }

    /// <summary>Forwarding names somewhere to forward to, and a ForwardingAddress is a mail contact or a user of the tenant.</summary>
    private void CheckForwarding(MailboxForwardingRecord? forwarding, string at)
    {
        if (forwarding is null)
            return;
        if (forwarding.ForwardingSmtpAddress is null && forwarding.ForwardingAddress is null)
            Problem($"{at}: give forwardingSmtpAddress, forwardingAddress or both.");
        if (forwarding.ForwardingAddress is { } recipient
            && !scenario.MailContacts.Any(c => string.Equals(c.Name, recipient, StringComparison.OrdinalIgnoreCase))
            && !scenario.Users.Any(u => string.Equals(u.DisplayName, recipient, StringComparison.OrdinalIgnoreCase)
                || string.Equals(u.UserPrincipalName, recipient, StringComparison.OrdinalIgnoreCase)))
            Problem($"{at}.forwardingAddress: '{recipient}' is neither a mail contact nor a user of the tenant.");
    }

    /// <summary>Folder ids unique, well-known names real and used once, parents and rule targets resolving in the mailbox.</summary>
    private void CheckFolders(MailboxRecord mailbox, string at)
    {
        CheckUnique(mailbox.Folders, $"{at}.folders", f => f.Id);
        foreach (var folder in mailbox.Folders.Where(f => f.WellKnownName is not null))
            if (!MailFolders.IsWellKnownName(folder.WellKnownName!))
                Problem($"{at}.folders: '{folder.WellKnownName}' is not a well-known folder name Graph documents.");
        CheckUnique(mailbox.Folders.Where(f => f.WellKnownName is not null).ToArray(), $"{at}.folders", f => f.WellKnownName!.ToLowerInvariant(), what: "well-known name");
        var ids = MailFolders.Of(mailbox).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var folder in mailbox.Folders.Where(f => f.ParentFolderId is not null && !ids.Contains(f.ParentFolderId)))
            Problem($"{at}.folders: '{folder.DisplayName}' names parent folder '{folder.ParentFolderId}', which the mailbox does not have.");
        foreach (var rule in mailbox.InboxRules)
            foreach (var target in new[] { rule.Actions?.MoveToFolder, rule.Actions?.CopyToFolder }.OfType<string>())
                if (!ids.Contains(target))
                    Problem($"{at}.inboxRules: rule '{rule.DisplayName}' moves or copies to folder '{target}', which the mailbox does not have.");
    }

    private AuthenticationMethodRecord[] CheckAuthenticationMethods()
    {
        var methods = scenario.AuthenticationMethods
            .Select((m, i) => m with { UserId = ResolveUser(m.UserId, $"authenticationMethods[{i}].userId") })
            .ToArray();
        foreach (var (method, i) in methods.Select((m, i) => (m, i)).Where(p => p.m.Type == AuthenticationMethodType.Unrecognized && string.IsNullOrWhiteSpace(p.m.ODataType)))
            Problem($"authenticationMethods[{i}]: type 'unrecognized' needs odataType, the @odata.type to serve.");
        return CheckUnique(methods, "authenticationMethods", m => m.UserId + "/" + m.Id, what: "user/method id").ToArray();
    }

    private DeviceRecord[] CheckDevices() =>
        CheckUnique(scenario.Devices, "devices", d => d.Id)
            .Select((d, i) => d with
            {
                RegisteredOwners = d.RegisteredOwners.Select((o, j) => ResolveUser(o, $"devices[{i}].registeredOwners[{j}]")).ToArray(),
                RegisteredUsers = d.RegisteredUsers.Select((u, j) => ResolveUser(u, $"devices[{i}].registeredUsers[{j}]")).ToArray(),
            })
            .ToArray();

    private SignInRecord[] CheckSignIns() =>
        CheckUnique(scenario.SignIns, "signIns", s => s.Id)
            .Select((s, i) =>
            {
                var userId = ResolveUser(s.UserId, $"signIns[{i}].userId");
                var user = _usersById.GetValueOrDefault(userId);
                return s with
                {
                    UserId = userId,
                    UserPrincipalName = s.UserPrincipalName ?? user?.UserPrincipalName,
                    UserDisplayName = s.UserDisplayName ?? user?.DisplayName,
                    // Scenario files need not invent correlation ids; a stable one per sign-in keeps output repeatable.
                    CorrelationId = s.CorrelationId ?? StableGuid.From(s.Id),
                };
            })
            .ToArray();

    private RiskyUserRecord[] CheckRiskyUsers() =>
        CheckUnique(scenario.RiskyUsers, "riskyUsers", r => r.Id)
            .Select((r, i) =>
            {
                var id = ResolveUser(r.Id, $"riskyUsers[{i}].id");
                var user = _usersById.GetValueOrDefault(id);
                return r with
                {
                    Id = id,
                    UserPrincipalName = r.UserPrincipalName ?? user?.UserPrincipalName,
                    UserDisplayName = r.UserDisplayName ?? user?.DisplayName,
                };
            })
            .ToArray();

    private KeyVaultRecord[] CheckKeyVaults()
    {
        var principals = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        principals.UnionWith(scenario.Operators.Applications.Select(a => a.ServicePrincipalId));
        principals.UnionWith(scenario.Operators.ManagedIdentities.Select(m => m.PrincipalId));
        principals.UnionWith(_servicePrincipals.Keys);
        return CheckUnique(scenario.KeyVaults, "keyVaults", v => v.Name, what: "vault name")
            .Select((vault, i) =>
            {
                var at = $"keyVaults[{i}]";
                if (!VaultName().IsMatch(vault.Name) || vault.Name.Contains("--", StringComparison.Ordinal))
                    Problem($"{at}.name: '{vault.Name}' is not a vault name (3 to 24 letters, digits and single hyphens, starting with a letter, not ending with a hyphen).");
                var policies = vault.AccessPolicies.Select((p, j) =>
                {
                    var objectId = principals.Contains(p.ObjectId) ? p.ObjectId : ResolveUser(p.ObjectId, $"{at}.accessPolicies[{j}].objectId");
                    foreach (var permission in p.Permissions.Secrets.Where(x => !KeyVaultPermissions.KnownSecretPermissions.Contains(x)))
                        Problem($"{at}.accessPolicies[{j}].permissions.secrets: unknown permission '{permission}'.");
                    return p with { ObjectId = objectId };
                }).ToArray();
                return vault with { AccessPolicies = policies };
            })
            .ToArray();
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z][A-Za-z0-9-]{1,22}[A-Za-z0-9]$")]
    private static partial System.Text.RegularExpressions.Regex VaultName();

    private FootholdDefinition[] CheckFootholds(Scenario resolved)
    {
        // Indexed once: a generated tenant can hold ten thousand footholds, and a scan per foothold
        // would make loading quadratic.
        var targets = new FootholdTargets(resolved);
        return CheckUnique(scenario.Footholds, "footholds", f => f.Id)
            .Select((f, i) =>
            {
                var at = $"footholds[{i}]";
                var foothold = f with { UserId = ResolveUser(f.UserId, $"{at}.userId") };
                CheckFootholdTarget(targets, foothold, at);
                return foothold;
            })
            .ToArray();
    }

    /// <summary>What footholds may point at, looked up by id.</summary>
    private sealed class FootholdTargets(Scenario resolved)
    {
        private readonly Dictionary<string, MailboxRecord> _mailboxes = resolved.Mailboxes
            .GroupBy(m => m.UserId, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _grants = resolved.OAuth2PermissionGrants.Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        private readonly HashSet<string> _assignments = resolved.AppRoleAssignments.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        private readonly HashSet<string> _methods = resolved.AuthenticationMethods.Select(m => m.UserId + "/" + m.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _devices = resolved.Devices.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);

        public MailboxRecord? Mailbox(string userId) => _mailboxes.GetValueOrDefault(userId);

        public bool HasGrant(string id) => _grants.Contains(id);

        public bool HasAssignment(string id) => _assignments.Contains(id);

        public bool HasMethod(string userId, string id) => _methods.Contains(userId + "/" + id);

        public bool HasDevice(string id) => _devices.Contains(id);
    }

    private void CheckFootholdTarget(FootholdTargets targets, FootholdDefinition f, string at)
    {
        var mailbox = targets.Mailbox(f.UserId);
        switch (f.Kind)
        {
            case FootholdKind.Session when f.IssuedDateTime is null:
                Problem($"{at}.issuedDateTime: required for a session foothold (when the stolen token was issued).");
                break;
            case FootholdKind.Password when f.KnownSince is null:
                Problem($"{at}.knownSince: required for a password foothold (since when the attacker knows it).");
                break;
            case FootholdKind.OAuthGrant:
                RequireTarget(f, at, "oauth2PermissionGrant", targets.HasGrant);
                break;
            case FootholdKind.OAuthApp:
                RequireTarget(f, at, "service principal", id => _servicePrincipals.ContainsKey(id));
                break;
            case FootholdKind.AppRoleAssignment:
                RequireTarget(f, at, "appRoleAssignment", targets.HasAssignment);
                break;
            case FootholdKind.InboxRule:
                RequireTarget(f, at, "inbox rule in the user's mailbox", id => mailbox?.InboxRules.Any(r => r.Id == id) == true);
                break;
            case FootholdKind.MailboxDelegation:
                RequireTarget(f, at, "delegation on the user's mailbox", id => mailbox?.Delegations.Any(d => d.Id == id) == true);
                break;
            case FootholdKind.MailboxForwarding when mailbox?.Forwarding is null:
                Problem($"{at}: the user's mailbox has no forwarding for this foothold to refer to.");
                break;
            case FootholdKind.AuthenticationMethod:
                RequireTarget(f, at, "authentication method of the user", id => targets.HasMethod(f.UserId, id));
                break;
            case FootholdKind.Device:
                RequireTarget(f, at, "device", targets.HasDevice);
                break;
        }
    }

    private void RequireTarget(FootholdDefinition f, string at, string what, Func<string, bool> exists)
    {
        if (f.Target is null)
            Problem($"{at}.target: required for a {f.Kind} foothold (the id of the {what}).");
        else if (!exists(f.Target))
            Problem($"{at}.target: '{f.Target}' refers to no {what}.");
    }

    /// <summary>Maps a user reference (object id or UPN) to the object id; reports unknown users.</summary>
    private string ResolveUser(string reference, string at)
    {
        if (_usersById.ContainsKey(reference))
            return _usersById[reference].Id;
        if (_usersByUpn.TryGetValue(reference, out var user))
            return user.Id;
        Problem($"{at}: refers to unknown user '{reference}'.");
        return reference;
    }

    private ServicePrincipalRecord? RequireServicePrincipal(string id, string at)
    {
        if (_servicePrincipals.TryGetValue(id, out var sp))
            return sp;
        Problem($"{at}: refers to unknown service principal '{id}'.");
        return null;
    }

    private IEnumerable<T> CheckUnique<T>(IEnumerable<T> items, string at, Func<T, string> keyOf, string what = "id")
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var list = items.ToList();
        for (var i = 0; i < list.Count; i++)
            if (!seen.Add(keyOf(list[i])))
                Problem($"{at}[{i}]: duplicate {what} '{keyOf(list[i])}'.");
        return list;
    }
}

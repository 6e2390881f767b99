using System.Security.Cryptography.X509Certificates;

namespace IdentityContainment.Sandbox;

/// <summary>
/// The live tenant: seeded from a scenario, changed by Graph calls and by test setup, read by the
/// ground truth. Thread-safe: one lock guards every table, and records are immutable, so whatever a
/// reader gets back stays consistent while others write.
/// </summary>
public sealed partial class TenantState
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<X509Certificate2>> _applicationCertificates = new(StringComparer.OrdinalIgnoreCase);

    // The password each password foothold's attacker knows, captured at load: changing the password
    // to anything else (and only that) closes the foothold.
    private readonly Dictionary<string, SecretText> _passwordsKnownToAttacker = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Builds the state from a scenario that <see cref="ScenarioLoader"/> (or the generator) produced.</summary>
    public TenantState(Scenario scenario, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Clock = clock ?? TimeProvider.System;
        ScenarioName = scenario.Name;
        Info = scenario.Tenant;
        Operators = scenario.Operators;
        Footholds = scenario.Footholds;

        foreach (var user in scenario.Users)
            IndexUserUnlocked(user.Password is null ? user with { Password = SecretText.Random() } : user);
        _sortedUserIds.AddRange(_usersById.Keys);
        _sortedUserIds.Sort(StringComparer.OrdinalIgnoreCase);
        _servicePrincipals = new(sp => sp.Id, scenario.ServicePrincipals);
        _grants = new(g => g.Id, scenario.OAuth2PermissionGrants);
        _sortedGrantIds.AddRange(scenario.OAuth2PermissionGrants.Select(g => g.Id));
        _sortedGrantIds.Sort(StringComparer.Ordinal);
        _appRoleAssignments = new(a => a.Id, scenario.AppRoleAssignments);
        _mailboxes = new(m => m.UserId, scenario.Mailboxes);
        MailContacts = scenario.MailContacts;
        _authenticationMethods = new(MethodKey, scenario.AuthenticationMethods);
        _devices = new(d => d.Id, scenario.Devices);
        // Newest first, ties by id: exactly the order auditLogs/signIns pages in, so a request need not sort.
        _signIns = [.. scenario.SignIns.OrderByDescending(s => s.CreatedDateTime).ThenBy(s => s.Id, StringComparer.Ordinal)];
        _directoryAudits = [.. scenario.DirectoryAudits.OrderByDescending(a => a.ActivityDateTime)];
        _riskyUsers = new(r => r.Id, scenario.RiskyUsers);
        _keyVaults = new(v => v.Name, scenario.KeyVaults);

        foreach (var foothold in Footholds.Where(f => f.Kind == FootholdKind.Password))
            _passwordsKnownToAttacker[foothold.Id] = _usersById[foothold.UserId].Password!;
    }

    public string ScenarioName { get; }
    public TenantRecord Info { get; }
    public string TenantId => Info.Id;
    public ScenarioOperators Operators { get; }
    public IReadOnlyList<FootholdDefinition> Footholds { get; }
    public TimeProvider Clock { get; }

    /// <summary>The throttling bucket, from the current number of users.</summary>
    public TenantSize Size => TenantSizes.FromUserCount(UserCount);

    /// <summary>Now, to the second: Entra stores its timestamps at that precision.</summary>
    internal DateTimeOffset Now() => GraphTime.ToWholeSeconds(Clock.GetUtcNow());

    /// <summary>True when the tenant segment of a URL names this tenant: its id or a verified domain.</summary>
    public bool IsThisTenant(string idOrDomain) =>
        string.Equals(idOrDomain, Info.Id, StringComparison.OrdinalIgnoreCase)
        || Info.VerifiedDomains.Any(d => string.Equals(d.Name, idOrDomain, StringComparison.OrdinalIgnoreCase));

    internal bool WasKnownToAttacker(string footholdId, SecretText current)
    {
        lock (_gate)
            return _passwordsKnownToAttacker.TryGetValue(footholdId, out var known) && known.Equals(current);
    }
}

using IdentityContainment.Sandbox;

namespace IdentityContainment.Benchmarks.MassContainment;

/// <summary>
/// The users to contain: every user with a planted foothold, as user principal names (what an analyst pastes in).
/// Guests, synced and privileged users follow other rules (no cloud password, app-only callers refused), so they
/// would measure a different path; they are left out and counted, so the report can say so.
/// </summary>
internal sealed class ContainmentTargets
{
    private ContainmentTargets(IReadOnlyList<UserRecord> users, int excluded)
    {
        Users = users;
        Excluded = excluded;
    }

    public IReadOnlyList<UserRecord> Users { get; }

    /// <summary>Compromised users left out because they are not ordinary cloud members.</summary>
    public int Excluded { get; }

    public IReadOnlyList<string> UserPrincipalNames => Users.Select(u => u.UserPrincipalName).ToArray();

    public HashSet<string> Ids => Users.Select(u => u.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static ContainmentTargets Of(SandboxServer sandbox, int? limit = null)
    {
        List<UserRecord> compromised = sandbox.Tenant.Footholds
            .Select(f => f.UserId)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(id => sandbox.Tenant.FindUser(id) ?? throw new InvalidOperationException($"Foothold user {id} is not in the tenant."))
            .ToList();
        List<UserRecord> ordinary = compromised.Where(u => !u.IsGuest && !u.IsSyncedFromOnPremises && !u.IsPrivileged).ToList();
        int excluded = compromised.Count - ordinary.Count;
        return new ContainmentTargets(limit is { } n ? ordinary.Take(n).ToList() : ordinary, excluded);
    }
}

using IdentityContainment.Sandbox;

namespace IdentityContainment.Drill;

/// <summary>
/// The compromised users' own consents that containment must leave alone: every delegated grant of theirs that no
/// foothold names. Listed after the scorecard, so a drill shows that the removal was surgical, not a sweep.
/// </summary>
internal static class KeptConsents
{
    public static void Print(TenantState tenant, IReadOnlyList<FootholdStatus> footholds, IReadOnlyCollection<string> compromisedUserIds, TextWriter output)
    {
        var attackers = new HashSet<string>(footholds.Select(f => f.Target), StringComparer.OrdinalIgnoreCase);
        PermissionGrantRecord[] benign = tenant.PermissionGrants
            .Where(g => g.PrincipalId is { } user && compromisedUserIds.Contains(user) && !attackers.Contains(g.Id) && !attackers.Contains(g.ClientId))
            .ToArray();
        if (benign.Length == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine("The users' own consents, still present (not the attacker's, so not removed)");
        foreach (PermissionGrantRecord grant in benign.OrderBy(g => g.PrincipalId).ThenBy(g => g.Id, StringComparer.Ordinal))
        {
            string app = tenant.FindServicePrincipal(grant.ClientId)?.DisplayName ?? grant.ClientId;
            string user = tenant.FindUser(grant.PrincipalId!)?.UserPrincipalName ?? grant.PrincipalId!;
            output.WriteLine($"kept  {app}  {user}  {grant.Scope.Trim()}");
        }
    }
}

using IdentityContainment.Sandbox;

namespace IdentityContainment.Drill;

/// <summary>
/// The compromised users' own authentication methods and devices, which containment must leave working: every method
/// and device of theirs that no foothold names, as the tenant holds it after the runbook (a disabled own device is
/// shown as such: that is a cost the drill must not hide). Listed after the scorecard, beside the kept rules.
/// </summary>
internal static class KeptMethodsAndDevices
{
    public static void Print(TenantState tenant, IReadOnlyList<FootholdStatus> footholds, IEnumerable<string> compromisedUsers, TextWriter output)
    {
        var attackers = new HashSet<string>(footholds.Select(f => f.Target), StringComparer.OrdinalIgnoreCase);
        var lines = new List<string>();
        foreach (UserRecord user in compromisedUsers.Select(tenant.FindUser).OfType<UserRecord>())
        {
            string who = user.UserPrincipalName;
            lines.AddRange(tenant.AuthenticationMethodsOf(user.Id)
                .Where(m => !attackers.Contains(m.Id) && m.Type != AuthenticationMethodType.Password)
                .Select(m => $"kept  {m.Type} '{m.DisplayName ?? m.PhoneType ?? m.EmailAddress ?? m.Id}'  {who}"));
            lines.AddRange(tenant.DevicesOf(user.Id)
                .Where(d => !attackers.Contains(d.Id))
                .Select(d => $"kept  device '{d.DisplayName}'  {who}  {(d.AccountEnabled ? "enabled" : "DISABLED")}"));
        }

        if (lines.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine("The users' own authentication methods and devices, still present (not the attacker's, so not removed)");
        lines.ForEach(output.WriteLine);
    }
}

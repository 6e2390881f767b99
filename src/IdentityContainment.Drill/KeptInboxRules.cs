using IdentityContainment.Sandbox;

namespace IdentityContainment.Drill;

/// <summary>
/// The compromised users' own inbox rules, which containment must leave alone: every rule of their mailboxes that no
/// foothold names, as the tenant holds it after the runbook. Listed after the scorecard, beside the kept consents.
/// </summary>
internal static class KeptInboxRules
{
    public static void Print(TenantState tenant, IReadOnlyList<FootholdStatus> footholds, IEnumerable<string> compromisedUsers, TextWriter output)
    {
        var attackers = new HashSet<string>(footholds.Select(f => f.Target), StringComparer.Ordinal);
        var kept = compromisedUsers
            .Select(user => (User: tenant.FindUser(user)?.UserPrincipalName ?? user, Mailbox: tenant.FindMailbox(tenant.FindUser(user)?.Id ?? user)))
            .Where(m => m.Mailbox is not null)
            .SelectMany(m => m.Mailbox!.InboxRules.Where(r => !attackers.Contains(r.Id) && !r.IsHidden).Select(r => (m.User, Rule: r)))
            .ToArray();
        if (kept.Length == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine("The users' own inbox rules, still present (not the attacker's, so not removed)");
        foreach ((string user, InboxRuleRecord rule) in kept)
        {
            output.WriteLine($"kept  '{rule.DisplayName}'  {user}  {(rule.IsEnabled ? "enabled" : "disabled")}");
        }
    }
}

namespace IdentityContainment.Graph.Budgets;

/// <summary>
/// What one unit of work takes from the budgets: a lone request, or a dependsOn chain that Graph runs one item after
/// another (so a chain holds one permit per mailbox it touches, not one per item).
/// </summary>
internal sealed record BudgetNeeds(IReadOnlyList<string> Mailboxes, bool IdentityProtectionTurn, int LogRequests, int Writes)
{
    public static BudgetNeeds Of(IReadOnlyCollection<ClassifiedRequest> requests)
    {
        int protection = requests.Count(r => r.Class == RequestClass.IdentityProtection);
        if (protection > 1)
        {
            // Graph runs a chain's items back to back, so two Identity Protection requests in it would be less than a
            // second apart and one of them throttled with no Retry-After to go by.
            throw new ArgumentException("A dependsOn chain can carry at most one Identity Protection request (1 request per second per tenant).", nameof(requests));
        }

        return new BudgetNeeds(
            requests.Where(r => r.Class == RequestClass.Outlook).Select(r => r.Mailbox!).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            protection == 1,
            requests.Count(r => r.Class == RequestClass.AuditLogs),
            requests.Count(r => r.Class == RequestClass.IdentityWrite));
    }

    public bool IsFree => Mailboxes.Count == 0 && !IdentityProtectionTurn && LogRequests == 0 && Writes == 0;
}

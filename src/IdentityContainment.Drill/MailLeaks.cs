using IdentityContainment.Sandbox;

namespace IdentityContainment.Drill;

/// <summary>
/// Whether the compromised users' mail still leaves the organisation after the runbook, as the tenant's own state says:
/// the question a business-email-compromise responder is asked first.
/// </summary>
internal static class MailLeaks
{
    public static void Print(TenantState tenant, IEnumerable<string> compromisedUsers, TextWriter output)
    {
        MailLeakStatus[] statuses = compromisedUsers
            .Select(user => tenant.FindUser(user)?.Id ?? user)
            .Select(tenant.FindMailbox)
            .OfType<MailboxRecord>()
            .Select(mailbox => MailLeakEvaluator.Evaluate(tenant, mailbox))
            .ToArray();
        if (statuses.Length == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine("Mail leaving the organisation (ground truth)");
        foreach (MailLeakStatus status in statuses)
        {
            output.WriteLine($"{(status.LeaksOutside ? "LEAKS " : "sealed")}  {status.UserPrincipalName ?? status.UserId}  {status.Reason}");
        }
    }
}

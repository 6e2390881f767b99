namespace IdentityContainment.Sandbox;

/// <summary>
/// The ground truth for mail (issue 15): a mailbox's mail still leaks while any enabled forwarding rule (forwardTo,
/// redirectTo, forwardAsAttachmentTo; hidden rules included, since Exchange runs them though Graph does not list them)
/// or mailbox forwarding (ForwardingSmtpAddress, or ForwardingAddress naming a contact outside) sends it to an address
/// outside the tenant's verified domains. A domain added but not verified is not the tenant's. Judged from the sandbox's
/// own state, never from what the module says it did.
/// </summary>
public static class MailLeakEvaluator
{
    /// <summary>Every mailbox, leaking or not, in the scenario's order.</summary>
    public static IReadOnlyList<MailLeakStatus> Evaluate(TenantState tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return tenant.Mailboxes.Select(m => Evaluate(tenant, m)).ToArray();
    }

    public static MailLeakStatus Evaluate(TenantState tenant, MailboxRecord mailbox)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(mailbox);
        var targets = MailForwardingTargets.Of(tenant, mailbox).ToArray();
        var outside = targets.Where(t => !tenant.IsOwnAddress(t.Address)).Select(t => $"{t.Via} → {t.Address}").ToArray();
        var reason = outside.Length > 0
            ? $"mail still leaves the organization: {string.Join("; ", outside)}."
            : targets.Length > 0
                ? $"mail is forwarded only inside the verified domains ({string.Join(", ", targets.Select(t => t.Address).Distinct(StringComparer.OrdinalIgnoreCase))})."
                : "no enabled forwarding rule and no mailbox forwarding.";
        return new MailLeakStatus
        {
            UserId = mailbox.UserId,
            UserPrincipalName = tenant.FindUser(mailbox.UserId)?.UserPrincipalName,
            LeaksOutside = outside.Length > 0,
            OutsideDestinations = outside,
            Reason = reason,
        };
    }
}

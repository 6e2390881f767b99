namespace IdentityContainment.Sandbox;

/// <summary>Where a mailbox's mail is sent on to, read from the sandbox's own state: forwarding rules and mailbox forwarding.</summary>
internal static class MailForwardingTargets
{
    /// <summary>Each address mail goes to, with what sends it there: enabled rules (hidden ones included) and mailbox forwarding.</summary>
    public static IEnumerable<(string Via, string Address)> Of(TenantState tenant, MailboxRecord mailbox)
    {
        foreach (var rule in mailbox.InboxRules.Where(r => r.IsEnabled))
        {
            var recipients = (rule.Actions?.ForwardTo ?? []).Concat(rule.Actions?.RedirectTo ?? []).Concat(rule.Actions?.ForwardAsAttachmentTo ?? []);
            foreach (var recipient in recipients)
                yield return ($"inbox rule '{rule.DisplayName}'{(rule.IsHidden ? " (hidden)" : "")}", recipient.EmailAddress.Address);
        }
        if (mailbox.Forwarding is not { } forwarding)
            yield break;
        if (forwarding.ForwardingSmtpAddress is { } smtp)
            yield return ("mailbox forwarding (ForwardingSmtpAddress)", WithoutPrefix(smtp));
        if (forwarding.ForwardingAddress is { } recipientName)
        {
            var contact = tenant.FindMailContact(recipientName);
            var user = contact is null ? tenant.Users.FirstOrDefault(u => string.Equals(u.DisplayName, recipientName, StringComparison.OrdinalIgnoreCase)
                || string.Equals(u.UserPrincipalName, recipientName, StringComparison.OrdinalIgnoreCase)) : null;
            var address = contact is not null ? WithoutPrefix(contact.ExternalEmailAddress) : user?.Mail ?? user?.UserPrincipalName;
            // A recipient the sandbox cannot resolve is counted as leaving the organization: the ground truth never
            // calls a leak closed on a guess.
            yield return ($"mailbox forwarding (ForwardingAddress '{recipientName}')", address ?? recipientName);
        }
    }

    /// <summary>"smtp:a@b" and "SMTP:a@b" as Exchange shows them, without the prefix.</summary>
    public static string WithoutPrefix(string address) =>
        address.StartsWith("smtp:", StringComparison.OrdinalIgnoreCase) ? address[5..] : address;
}

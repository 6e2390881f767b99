namespace IdentityContainment.Mailboxes.Graph;

/// <summary>
/// A mailbox as the Graph path addresses it: by the user's object id (one key per mailbox, for Outlook's per-mailbox
/// limit and for the requests' urls), named by the user principal name, with the owner's own addresses.
/// </summary>
internal sealed record MailboxOwner(string UserId, string Mailbox, IReadOnlyList<string> Addresses)
{
    public static MailboxOwner Of(ContainmentUser user) => new(user.Id, user.UserPrincipalName ?? user.Id, OwnAddresses(user));

    /// <summary>The mail address and every SMTP proxy address ("SMTP:" primary, "smtp:" alias) without its prefix; X500 and other types are not mail targets.</summary>
    private static IReadOnlyList<string> OwnAddresses(ContainmentUser user)
    {
        const string Smtp = "smtp:";
        IEnumerable<string> proxies = user.ProxyAddresses
            .Where(p => p.StartsWith(Smtp, StringComparison.OrdinalIgnoreCase))
            .Select(p => p.Substring(Smtp.Length));
        return new[] { user.Mail }.OfType<string>().Concat(proxies)
            .Select(a => a.Trim())
            .Where(a => a.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
    }
}

using IdentityContainment.Detection.Mailbox;

namespace IdentityContainment.Mailboxes.Exchange;

/// <summary>
/// A folder as Get-InboxRule names it ("Nestor Wilke:\RSS-Abonnements", "nestorw@fabrikam.com:\Inbox\Projects") turned
/// into a <see cref="RuleFolder"/> named by its last part. Exchange gives no folder id or role here, and the names are
/// in the mailbox's language, so the role is left for the rules to judge from the name.
/// </summary>
public static class ExchangeFolderPath
{
    public static RuleFolder? ToRuleFolder(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        string folder = path!.Trim();
        int mailboxEnd = folder.IndexOf(@":\", StringComparison.Ordinal);
        if (mailboxEnd >= 0)
        {
            folder = folder.Substring(mailboxEnd + 2);
        }

        string name = folder.TrimEnd('\\').Split('\\').Last().Trim();
        return name.Length == 0 ? null : new RuleFolder { Name = name };
    }
}

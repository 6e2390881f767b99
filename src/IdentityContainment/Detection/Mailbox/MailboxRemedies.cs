using System.Text.Json.Nodes;
namespace IdentityContainment.Detection.Mailbox;

/// <summary>
/// The command that removes what a mailbox finding found, and only that: the rule, the one trustee's right, the
/// protocols the finding names. Parameter names are those of the Exchange Online cmdlets' reference
/// (learn.microsoft.com/powershell/module/exchange) and of Microsoft.Graph.Mail; -Confirm:$false goes on the cmdlets
/// that prompt before removing (Remove-*, Disable-InboxRule), so a runbook does not wait on a prompt nobody answers.
/// </summary>
public static class MailboxRemedies
{
    /// <summary>The command for a finding from either source.</summary>
    public static ExchangeCommand For(MailboxFinding finding, bool disableRule) =>
        string.Equals(finding?.Source, MailboxFindingSources.Graph, StringComparison.OrdinalIgnoreCase) ? ForGraph(finding!, disableRule) : ForExchange(finding!, disableRule);

    /// <summary>
    /// The Exchange Online command for a finding read from Exchange objects. <paramref name="disableRule"/> turns an
    /// inbox rule off (Disable-InboxRule) instead of removing it; it means nothing for the other kinds.
    /// </summary>
    public static ExchangeCommand ForExchange(MailboxFinding finding, bool disableRule)
    {
        if (finding is null)
        {
            throw new ArgumentNullException(nameof(finding));
        }

        if (string.Equals(finding.Source, MailboxFindingSources.Graph, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"The rule '{finding.Name}' was read from Graph: its id is a messageRule id that Exchange cmdlets do not accept; use ForGraph.", nameof(finding));
        }

        string mailbox = FirstOf(finding.Identity, finding.Mailbox);
        return finding.Kind switch
        {
            MailboxFindingKinds.InboxRule => InboxRule(finding, disableRule),

            // ForwardingAddress is cleared with ForwardingSmtpAddress: most tools forget it and leave the contact in place (DETECTION.md).
            MailboxFindingKinds.MailboxForwarding => ExchangeCommand.Of(
                "Set-Mailbox", ("Identity", mailbox), ("ForwardingSmtpAddress", null), ("ForwardingAddress", null), ("DeliverToMailboxAndForward", false)),
            MailboxFindingKinds.SendOnBehalf => ExchangeCommand.Of(
                "Set-Mailbox", ("Identity", mailbox), ("GrantSendOnBehalfTo", new Dictionary<string, object?> { ["Remove"] = OneOrMany(finding.Targets) })),
            MailboxFindingKinds.FullAccess => ExchangeCommand.Of(
                "Remove-MailboxPermission", ("Identity", mailbox), ("User", TrusteeOf(finding)), ("AccessRights", "FullAccess"), ("InheritanceType", InheritanceOf(finding)), ("Confirm", false)),
            MailboxFindingKinds.SendAs => ExchangeCommand.Of(
                "Remove-RecipientPermission", ("Identity", mailbox), ("Trustee", TrusteeOf(finding)), ("AccessRights", "SendAs"), ("Confirm", false)),

            // Default and Anonymous are entries every folder has; Remove-MailboxFolderPermission refuses them, so their rights go back to None.
            MailboxFindingKinds.FolderPermission => ExchangeCommand.Of(
                "Set-MailboxFolderPermission", ("Identity", FolderIdentity(finding)), ("User", TrusteeOf(finding)), ("AccessRights", "None")),
            MailboxFindingKinds.LegacyProtocol => ClientAccess(mailbox, finding.Targets),
            _ => throw new ArgumentException($"No Exchange Online command removes a finding of kind '{finding.Kind}'.", nameof(finding)),
        };
    }

    /// <summary>The Microsoft Graph PowerShell command for an inbox rule read from Graph: delete it, or turn it off.</summary>
    public static ExchangeCommand ForGraph(MailboxFinding finding, bool disableRule)
    {
        if (finding is null)
        {
            throw new ArgumentNullException(nameof(finding));
        }

        if (finding.Kind != MailboxFindingKinds.InboxRule)
        {
            throw new ArgumentException($"Graph findings are inbox rules; '{finding.Kind}' is removed with Exchange Online PowerShell.", nameof(finding));
        }

        string user = FirstOf(finding.UserId, finding.Mailbox);
        return disableRule
            ? ExchangeCommand.Of("Update-MgUserMailFolderMessageRule", ("UserId", user), ("MailFolderId", "inbox"), ("MessageRuleId", finding.Identity), ("IsEnabled", false))
            : ExchangeCommand.Of("Remove-MgUserMailFolderMessageRule", ("UserId", user), ("MailFolderId", "inbox"), ("MessageRuleId", finding.Identity));
    }

    private static ExchangeCommand InboxRule(MailboxFinding finding, bool disableRule)
    {
        var parameters = new List<(string, object?)> { ("Identity", finding.Identity) };

        // A rule identity is "mailbox\rule id"; a bare id (a re-imported CSV may carry only RuleIdentity) needs its mailbox.
        if (finding.Identity.IndexOf('\\') < 0 && finding.Mailbox.Length > 0)
        {
            parameters.Add(("Mailbox", finding.Mailbox));
        }

        // Removing a rule through PowerShell may warn that rules Outlook keeps client-side will be dropped, and wait for an
        // answer nobody gives in a runbook; the switch says yes to that. (Seen with Remove-InboxRule in public containment
        // scripts; not passed to Disable-InboxRule, where no public use confirmed it.)
        if (!disableRule)
        {
            parameters.Add(("AlwaysDeleteOutlookRulesBlob", true));
        }

        parameters.Add(("Confirm", false));
        return ExchangeCommand.Of(disableRule ? "Disable-InboxRule" : "Remove-InboxRule", parameters.ToArray());
    }

    private static ExchangeCommand ClientAccess(string mailbox, IEnumerable<string> protocols)
    {
        var named = new HashSet<string>(protocols, StringComparer.OrdinalIgnoreCase);
        var parameters = new List<(string, object?)> { ("Identity", mailbox) };
        parameters.AddRange(LegacyProtocols.Switches.Where(s => named.Contains(s.Protocol)).Select(s => (s.Parameter, (object?)s.ClosedValue)));
        if (parameters.Count == 1)
        {
            throw new ArgumentException("The finding names no protocol to turn off.", nameof(protocols));
        }

        return ExchangeCommand.Of("Set-CASMailbox", parameters.ToArray());
    }

    /// <summary>The folder as Set-MailboxFolderPermission names it: "mailbox:\folder", and "mailbox:\" for the top of the store.</summary>
    private static string FolderIdentity(MailboxFinding finding)
    {
        string identity = FirstOf(finding.Identity, finding.Mailbox);
        return identity.IndexOf(@":\", StringComparison.Ordinal) >= 0 ? identity : identity + @":\";
    }

    /// <summary>
    /// Remove-MailboxPermission removes only an entry of the same inheritance type, so the entry's own is used (from the
    /// before-image of Get-MailboxPermission's object); All, what Add-MailboxPermission gives by default, when not known.
    /// </summary>
    private static string InheritanceOf(MailboxFinding finding) =>
        Graph.GraphJson.ParseOrNull(finding.BeforeImage) is JsonObject image && Graph.GraphJson.Text(image, "InheritanceType") is { Length: > 0 } inheritance
            ? inheritance
            : "All";

    private static string TrusteeOf(MailboxFinding finding) =>
        FirstOf(finding.Trustee, finding.Targets.FirstOrDefault()) is { Length: > 0 } trustee
            ? trustee
            : throw new ArgumentException($"The {finding.Kind} finding on {finding.Mailbox} names no trustee.", nameof(finding));

    private static object OneOrMany(string[] values) => values.Length == 1 ? values[0] : values;

    private static string FirstOf(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim() ?? string.Empty;
}

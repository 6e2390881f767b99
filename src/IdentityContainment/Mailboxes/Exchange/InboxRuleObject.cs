using IdentityContainment.Detection.Mailbox;

namespace IdentityContainment.Mailboxes.Exchange;

/// <summary>A Get-InboxRule object as <see cref="InboxRuleFacts"/>.</summary>
internal static class InboxRuleObject
{
    // Without these a rule's way out of the mailbox cannot be judged, so a rule missing one is reported, not passed.
    // Get-InboxRule has Name, not RuleName (DETECTION.md's warning).
    private static readonly string[] ActionProperties = ["ForwardTo", "RedirectTo", "ForwardAsAttachmentTo", "DeleteMessage", "MoveToFolder"];

    private static readonly string[] ConditionWordProperties =
        ["SubjectContainsWords", "BodyContainsWords", "SubjectOrBodyContainsWords", "HeaderContainsWords", "FromAddressContainsWords", "RecipientAddressContainsWords"];

    private static readonly string[] ConditionAddressProperties = ["From", "SentTo"];

    public static ExchangeReading Read(ExchangeObject rule, MailDomains domains)
    {
        var missing = rule.Missing(new[] { "Name" }.Concat(ActionProperties)).ToList();
        if (!rule.HasAny(["Identity", "RuleIdentity"]))
        {
            missing.Insert(0, "Identity");
        }

        if (missing.Count > 0)
        {
            return ExchangeReading.Unreadable(ExchangeObjectKind.InboxRule, ExchangeProblems.Missing(ExchangeObjectKind.InboxRule, missing));
        }

        string name = rule.Text("Name") ?? string.Empty;
        string? owner = rule.Text("MailboxOwnerId");
        string identity = rule.Text("Identity") ?? $"{owner}\\{rule.Text("RuleIdentity")}";
        var facts = new InboxRuleFacts
        {
            Mailbox = owner ?? OwnerPart(identity),
            UserId = rule.Guid("MailboxOwnerId"),
            Identity = identity,
            Name = name,
            Enabled = rule.Flag("Enabled") ?? true,
            Hidden = HiddenInboxRules.IsMarkedHidden(rule) ?? RuleNameTraits.IsSystemRule(name),
            Source = MailboxFindingSources.ExchangeOnline,
            ForwardTo = ExchangeAddress.RuleTargets(rule.List("ForwardTo")),
            RedirectTo = ExchangeAddress.RuleTargets(rule.List("RedirectTo")),
            ForwardAsAttachmentTo = ExchangeAddress.RuleTargets(rule.List("ForwardAsAttachmentTo")),
            SendTextMessageNotificationTo = rule.List("SendTextMessageNotificationTo"),
            Delete = rule.Flag("DeleteMessage") ?? false,

            // SoftDeleteMessage skips Deleted Items (to Recoverable Items), which is what Graph calls permanentDelete.
            PermanentDelete = (rule.Flag("SoftDeleteMessage") ?? false) || (rule.Flag("PermanentDelete") ?? false),
            MoveToFolder = ExchangeFolderPath.ToRuleFolder(rule.Text("MoveToFolder")),
            CopyToFolder = ExchangeFolderPath.ToRuleFolder(rule.Text("CopyToFolder")),
            MarkAsRead = rule.Flag("MarkAsRead") ?? false,
            StopProcessingRules = rule.Flag("StopProcessingRules") ?? false,
            ConditionWords = rule.Lists(ConditionWordProperties),
            ConditionAddresses = ExchangeAddress.NormalizeAll(rule.Lists(ConditionAddressProperties)),
            Domains = domains,
            BeforeImage = ExchangeBeforeImage.Of(rule),
        };

        return ExchangeReading.Read(ExchangeObjectKind.InboxRule, facts);
    }

    // A rule's Identity is "<mailbox>\<rule id>".
    private static string OwnerPart(string identity)
    {
        int slash = identity.LastIndexOf('\\');
        return slash > 0 ? identity.Substring(0, slash) : identity;
    }
}

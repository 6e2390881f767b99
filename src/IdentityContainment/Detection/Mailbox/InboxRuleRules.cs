namespace IdentityContainment.Detection.Mailbox;

/// <summary>
/// The inbox rule red flags of DETECTION.md, as data. Weights follow how much each says alone: mail leaving the
/// organisation is High by itself; deleting, hiding, marking read, stopping later rules and watching payment words
/// are each Low alone and reach High only together, which is how the attacker's rules look ("..": invoice and payment
/// mail moved to RSS Feeds, marked read, no later rule run). The user's ordinary rules (newsletters to a folder, mail
/// from the manager marked important, a copy to one's own alias) fire nothing.
/// </summary>
public static class InboxRuleRules
{
    public static readonly RuleTable<InboxRuleFacts> Table = new(new[]
    {
        new DetectionRule<InboxRuleFacts>(
            "InboxRuleForwardsOutside",
            70,
            r => InboxRuleTraits.ExternalTargets(r).Length > 0,
            r => string.Join(" and ", new[] { OutsideAddresses(r), TextedPhones(r) }.Where(part => part.Length > 0))),
        new DetectionRule<InboxRuleFacts>(
            "InboxRuleForwardsInside",
            15,
            r => InboxRuleTraits.InternalTargets(r).Length > 0,
            r => $"sends mail on to {string.Join(", ", InboxRuleTraits.InternalTargets(r))}, someone else inside the organisation"),
        new DetectionRule<InboxRuleFacts>(
            "InboxRuleDeletes",
            25,
            r => InboxRuleTraits.DeletesHow(r) is not null,
            r => InboxRuleTraits.DeletesHow(r)!),
        new DetectionRule<InboxRuleFacts>(
            "InboxRuleDeletesPermanently",
            15,
            r => r.PermanentDelete,
            "leaves no copy in Deleted Items for the user to notice"),
        new DetectionRule<InboxRuleFacts>(
            "InboxRuleHidesInFolder",
            30,
            r => InboxRuleTraits.HidingFolder(r) is not null,
            r => $"puts mail in '{MailFolderNames.Label(InboxRuleTraits.HidingFolder(r)!)}' ({MailFolderNames.RoleOf(InboxRuleTraits.HidingFolder(r))}), a folder the user does not read"),
        new DetectionRule<InboxRuleFacts>(
            "InboxRuleMarksReadAndMoves",
            20,
            r => r.MarkAsRead && InboxRuleTraits.MovesOrDeletes(r),
            "marks mail as read while moving or deleting it, so nothing unread shows"),
        new DetectionRule<InboxRuleFacts>(
            "InboxRuleStopsOtherRules",
            10,
            r => r.StopProcessingRules && InboxRuleTraits.ActsAgainstTheUser(r),
            "stops later rules from running on the mail it takes"),
        new DetectionRule<InboxRuleFacts>(
            "InboxRuleWatchesSensitiveWords",
            25,
            r => InboxRuleTraits.SensitiveWordsWatched(r).Length > 0,
            r => $"looks for {string.Join(", ", InboxRuleTraits.SensitiveWordsWatched(r))} in its conditions"),
        new DetectionRule<InboxRuleFacts>(
            "InboxRuleDivertsSensitiveMail",
            25,
            r => InboxRuleTraits.SensitiveWordsWatched(r).Length > 0 && InboxRuleTraits.ActsAgainstTheUser(r),
            "sends away, deletes or hides exactly the payment or security mail it looks for"),
        new DetectionRule<InboxRuleFacts>(
            "InboxRuleMatchesAlmostEverything",
            20,
            r => SensitiveWords.CatchAllIn(r.ConditionWords).Length > 0,
            r => $"has a condition ({string.Join(", ", SensitiveWords.CatchAllIn(r.ConditionWords))}) that nearly every message meets"),
        new DetectionRule<InboxRuleFacts>(
            "InboxRuleJunkName",
            15,
            r => RuleNameTraits.JunkBecause(r.Name) is not null,
            r => RuleNameTraits.JunkBecause(r.Name)!),
        new DetectionRule<InboxRuleFacts>(
            "InboxRuleHidden",
            40,
            r => r.Hidden && !RuleNameTraits.IsSystemRule(r.Name),
            "is hidden: Outlook, Outlook on the web and Graph do not show it, only Get-InboxRule -IncludeHidden does"),
    });

    private static string OutsideAddresses(InboxRuleFacts rule) =>
        InboxRuleTraits.ExternalAddresses(rule) is { Length: > 0 } outside
            ? $"sends mail out of the organisation to {string.Join(", ", outside)}{UnknownDomainsNote(rule)}{UnplacedNote(outside)}"
            : string.Empty;

    private static string TextedPhones(InboxRuleFacts rule) =>
        InboxRuleTraits.Phones(rule) is { Length: > 0 } phones ? $"texts a notice of each matching message to {string.Join(", ", phones)}" : string.Empty;

    // A display name cannot be shown to be inside; the reason says so rather than claim it is outside.
    private static string UnplacedNote(string[] outside) =>
        outside.Any(t => !MailAddresses.IsAddress(t)) ? " (a target without a mail address cannot be placed inside the organisation)" : string.Empty;

    private static string UnknownDomainsNote(InboxRuleFacts rule) =>
        rule.Domains.IsKnown ? string.Empty : " (the tenant's domains were not known, so every address counts as outside)";
}

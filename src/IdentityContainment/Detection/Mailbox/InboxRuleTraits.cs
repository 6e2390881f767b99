namespace IdentityContainment.Detection.Mailbox;

/// <summary>
/// The questions the inbox rule table asks of a rule, answered once here so that each rule's test and its reason agree:
/// where mail leaves to, whether it is deleted or hidden, what the conditions watch for.
/// </summary>
public static class InboxRuleTraits
{
    /// <summary>
    /// Where the rule sends mail outside the organisation: forward, redirect and attachment targets not in a verified
    /// domain (a target written without an address cannot be placed inside, so it counts as outside), and every phone
    /// that gets a text message. The owner's own addresses are never counted.
    /// </summary>
    public static string[] ExternalTargets(InboxRuleFacts rule) => ExternalAddresses(rule).Concat(Phones(rule)).ToArray();

    /// <summary>The forward, redirect and attachment targets outside the organisation (<see cref="ExternalTargets"/> without the phones).</summary>
    public static string[] ExternalAddresses(InboxRuleFacts rule) =>
        OthersAddresses(rule).Where(address => !rule.Domains.IsInternal(address)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    /// <summary>The phones Exchange texts about each matching message (SendTextMessageNotificationTo).</summary>
    public static string[] Phones(InboxRuleFacts rule) =>
        rule.SendTextMessageNotificationTo.Select(MailAddresses.Plain).Where(phone => phone.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    /// <summary>Colleagues the rule sends mail to: targets in a verified domain that are not the owner's own addresses.</summary>
    public static string[] InternalTargets(InboxRuleFacts rule) =>
        OthersAddresses(rule).Where(rule.Domains.IsInternal).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    /// <summary>True when mail leaves the mailbox to anyone but its owner.</summary>
    public static bool SendsMailOn(InboxRuleFacts rule) => ExternalTargets(rule).Length + InternalTargets(rule).Length > 0;

    /// <summary>How the rule deletes mail, in words, or null: delete, permanent delete, or a move to Deleted Items by role or localized name.</summary>
    public static string? DeletesHow(InboxRuleFacts rule)
    {
        if (rule.PermanentDelete)
        {
            return "deletes matching mail permanently";
        }

        if (rule.Delete)
        {
            return "deletes matching mail";
        }

        return MailFolderNames.RoleOf(rule.MoveToFolder) == WellKnownFolder.DeletedItems
            ? $"moves matching mail to Deleted Items ('{MailFolderNames.Label(rule.MoveToFolder!)}')"
            : null;
    }

    /// <summary>The folder the rule moves or copies mail to where the user will not look, or null.</summary>
    public static RuleFolder? HidingFolder(InboxRuleFacts rule) =>
        MailFolderNames.IsHiding(rule.MoveToFolder) ? rule.MoveToFolder
        : MailFolderNames.IsHiding(rule.CopyToFolder) ? rule.CopyToFolder
        : null;

    /// <summary>True when the rule moves mail anywhere or deletes it: what marking it read hides from the user.</summary>
    public static bool MovesOrDeletes(InboxRuleFacts rule) => rule.MoveToFolder is not null || DeletesHow(rule) is not null;

    /// <summary>True when the rule does something the table counts against it: sends mail on, deletes it, or hides it.</summary>
    public static bool ActsAgainstTheUser(InboxRuleFacts rule) => SendsMailOn(rule) || DeletesHow(rule) is not null || HidingFolder(rule) is not null;

    /// <summary>The finance and security words the rule's conditions watch for.</summary>
    public static string[] SensitiveWordsWatched(InboxRuleFacts rule) => SensitiveWords.FoundIn(rule.ConditionWords);

    /// <summary>Every place the rule sends mail or puts it, for a finding's Targets.</summary>
    public static string[] Targets(InboxRuleFacts rule)
    {
        var targets = new List<string>();
        targets.AddRange(rule.MailTargets.Select(MailAddresses.Plain));
        targets.AddRange(rule.SendTextMessageNotificationTo.Select(phone => "text: " + MailAddresses.Plain(phone)));
        if (rule.MoveToFolder is not null)
        {
            targets.Add("folder: " + MailFolderNames.Label(rule.MoveToFolder));
        }

        if (rule.CopyToFolder is not null)
        {
            targets.Add("copy to folder: " + MailFolderNames.Label(rule.CopyToFolder));
        }

        if (rule.PermanentDelete)
        {
            targets.Add("permanent delete");
        }
        else if (rule.Delete)
        {
            targets.Add("delete");
        }

        return targets.Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
    }

    /// <summary>The targets that are not the owner: the mailbox's own name counts as one of its addresses when it is one (a Graph UPN).</summary>
    private static IEnumerable<string> OthersAddresses(InboxRuleFacts rule)
    {
        string[] owner = rule.OwnerAddresses.Append(rule.Mailbox).ToArray();
        return rule.MailTargets.Select(MailAddresses.Plain).Where(address => address.Length > 0 && !MailAddresses.IsOneOf(address, owner));
    }
}

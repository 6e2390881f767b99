namespace IdentityContainment.Sandbox;

/// <summary>
/// A generated user's ordinary mailbox: its own folders and a set of everyday rules in a fixed rotation (move to an own
/// folder, archive, flag mail from a manager, copy to a project folder, forward to a colleague), so that a scanner resolves
/// folder ids and judges rules as it would in a real tenant. Deterministic: the same user and count give the same mailbox.
/// </summary>
internal static class GeneratedMailbox
{
    public static MailboxRecord For(UserRecord user, int index, int rules, string domain)
    {
        var newsletters = FolderId(user.Id, "newsletters");
        var projects = FolderId(user.Id, "projects");
        return new MailboxRecord
        {
            UserId = user.Id,
            Folders =
            [
                new MailFolderRecord { Id = newsletters, DisplayName = "Newsletters", TotalItemCount = 40 + index % 7, UnreadItemCount = index % 5 },
                new MailFolderRecord { Id = projects, DisplayName = "Projects", TotalItemCount = 120 + index % 11 },
            ],
            InboxRules = Enumerable.Range(1, rules).Select(r => Rule(index, r, newsletters, projects, MailFolders.DefaultId(user.Id, "archive"), domain)).ToArray(),
        };
    }

    private static InboxRuleRecord Rule(int index, int r, string newsletters, string projects, string archive, string domain)
    {
        var rule = new InboxRuleRecord { Id = $"AQAAA{index:D5}{r:D2}=", DisplayName = $"Sort rule {r}", Sequence = r };
        return (r % 5) switch
        {
            1 => rule with
            {
                DisplayName = r == 1 ? "Newsletters" : $"Newsletters {r}",
                Conditions = new MessageRulePredicates { SenderContains = [$"newsletter{r}@"] },
                Actions = new MessageRuleActions { MoveToFolder = newsletters, StopProcessingRules = true },
            },
            2 => rule with
            {
                DisplayName = $"Archive receipts {r}",
                Conditions = new MessageRulePredicates { SubjectContains = [$"Your receipt {r}"] },
                Actions = new MessageRuleActions { MoveToFolder = archive },
            },
            3 => rule with
            {
                DisplayName = $"From my manager {r}",
                Conditions = new MessageRulePredicates { FromAddresses = [new Recipient { EmailAddress = new EmailAddress { Address = $"manager{index % 50}@{domain}" } }] },
                Actions = new MessageRuleActions { MarkImportance = "high" },
            },
            4 => rule with
            {
                DisplayName = $"Project copies {r}",
                Conditions = new MessageRulePredicates { SubjectContains = [$"[Project {r}]"] },
                Actions = new MessageRuleActions { CopyToFolder = projects },
            },
            _ => rule with
            {
                DisplayName = $"Team copy {r}",
                Conditions = new MessageRulePredicates { SubjectContains = [$"Team update {r}"] },
                Actions = new MessageRuleActions { ForwardTo = [new Recipient { EmailAddress = new EmailAddress { Address = $"team{index % 20}@{domain}" } }] },
            },
        };
    }

    private static string FolderId(string userId, string name) => MailFolders.DefaultId(userId, "own/" + name);
}

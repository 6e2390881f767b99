namespace IdentityContainment.Detection.Mailbox;

/// <summary>
/// Judges what a reader gathered about a mailbox with the rule tables, and turns every subject a rule fired on into a
/// complete <see cref="MailboxFinding"/>: what it is, where mail goes or who holds access, every reason, the command
/// that removes it and the before-image to undo that. No I/O: the same facts give the same finding.
/// </summary>
public static class MailboxJudge
{
    private const string DisabledNote = "is disabled now, but can be turned back on at any time";

    /// <summary>The finding for an inbox rule, or null when no rule fired (the user's ordinary rules).</summary>
    public static MailboxFinding? Judge(InboxRuleFacts rule)
    {
        if (IsExchangesOwn(rule ?? throw new ArgumentNullException(nameof(rule))))
        {
            return null;
        }

        // A turned-off rule is still reported: anyone with access to the mailbox can turn it back on.
        return Judged(InboxRuleRules.Table, rule, () => new Described
        {
            Mailbox = rule.Mailbox,
            UserId = rule.UserId,
            Kind = MailboxFindingKinds.InboxRule,
            Name = rule.Name,
            Identity = rule.Identity,
            Source = rule.Source,
            Enabled = rule.Enabled,
            Targets = InboxRuleTraits.Targets(rule),
            BeforeImage = rule.BeforeImage,
        }, rule.Enabled ? null : DisabledNote);
    }

    /// <summary>The mailbox's forwarding finding and its send-on-behalf finding, each when its rules fired.</summary>
    public static IEnumerable<MailboxFinding> Judge(MailboxForwardingFacts mailbox)
    {
        if (mailbox is null)
        {
            throw new ArgumentNullException(nameof(mailbox));
        }

        string?[] fields =
        {
            MailboxForwardingRules.SmtpTarget(mailbox) is null ? null : "ForwardingSmtpAddress",
            string.IsNullOrWhiteSpace(mailbox.ForwardingAddress) ? null : "ForwardingAddress",
        };
        MailboxFinding? forwarding = Judged(MailboxForwardingRules.Table, mailbox, () => OnMailbox(mailbox.Mailbox, mailbox.UserId, mailbox.BeforeImage, MailboxFindingKinds.MailboxForwarding) with
        {
            Name = string.Join(", ", fields.OfType<string>()),
            Targets = new[] { MailboxForwardingRules.SmtpTarget(mailbox), mailbox.ForwardingAddress?.Trim() }.OfType<string>().Where(t => t.Length > 0).ToArray(),
        });

        string[] delegates = MailboxForwardingRules.Delegates(mailbox);
        MailboxFinding? sendOnBehalf = Judged(MailboxForwardingRules.SendOnBehalf, mailbox, () => OnMailbox(mailbox.Mailbox, mailbox.UserId, mailbox.BeforeImage, MailboxFindingKinds.SendOnBehalf) with
        {
            Name = "GrantSendOnBehalfTo",
            Targets = delegates,
            Trustee = string.Join(", ", delegates),
            AccessRights = new[] { "SendOnBehalf" },
        });

        return new[] { forwarding, sendOnBehalf }.OfType<MailboxFinding>().ToArray();
    }

    /// <summary>The FullAccess or SendAs finding for one permission entry, or null for the mailbox's own, inherited or deny entries.</summary>
    public static MailboxFinding? Judge(MailboxPermissionFacts permission)
    {
        if (permission is null)
        {
            throw new ArgumentNullException(nameof(permission));
        }

        string kind = permission.IsRecipientPermission ? MailboxFindingKinds.SendAs : MailboxFindingKinds.FullAccess;
        return Judged(MailboxPermissionRules.Table, permission, () => OnMailbox(permission.Mailbox, permission.UserId, permission.BeforeImage, kind) with
        {
            Name = kind,
            Targets = new[] { permission.Trustee.Trim() },
            Trustee = permission.Trustee.Trim(),
            AccessRights = AccessRightNames.Split(permission.AccessRights),
        });
    }

    /// <summary>The finding for a Default or Anonymous entry on the Inbox or the top of the store, or null.</summary>
    public static MailboxFinding? Judge(FolderPermissionFacts folder)
    {
        if (folder is null)
        {
            throw new ArgumentNullException(nameof(folder));
        }

        return Judged(FolderPermissionRules.Table, folder, () => OnMailbox(folder.Mailbox, folder.UserId, folder.BeforeImage, MailboxFindingKinds.FolderPermission) with
        {
            Name = FolderPermissionRules.IsTopOfStore(folder) ? "Top of Information Store" : folder.FolderName ?? MailFolderNames.LastPart(folder.FolderIdentity),
            Identity = folder.FolderIdentity,
            Targets = new[] { folder.User.Trim() },
            Trustee = folder.User.Trim(),
            AccessRights = AccessRightNames.Split(folder.AccessRights),
        });
    }

    /// <summary>The legacy protocol finding (Low), naming the protocols left on, or null when all are off.</summary>
    public static MailboxFinding? Judge(ClientAccessFacts mailbox)
    {
        if (mailbox is null)
        {
            throw new ArgumentNullException(nameof(mailbox));
        }

        return Judged(ClientAccessRules.Table, mailbox, () => OnMailbox(mailbox.Mailbox, mailbox.UserId, mailbox.BeforeImage, MailboxFindingKinds.LegacyProtocol) with
        {
            Name = "Client protocols",
            Targets = LegacyProtocols.OpenIn(mailbox),
        });
    }

    /// <summary>Judges any facts record a reader produced; a value of another type is a programming error and says which types are judged.</summary>
    public static IEnumerable<MailboxFinding> JudgeAny(object facts) => facts switch
    {
        InboxRuleFacts rule => Judge(rule) is { } finding ? new[] { finding } : Array.Empty<MailboxFinding>(),
        MailboxForwardingFacts mailbox => Judge(mailbox),
        MailboxPermissionFacts permission => Judge(permission) is { } finding ? new[] { finding } : Array.Empty<MailboxFinding>(),
        FolderPermissionFacts folder => Judge(folder) is { } finding ? new[] { finding } : Array.Empty<MailboxFinding>(),
        ClientAccessFacts protocols => Judge(protocols) is { } finding ? new[] { finding } : Array.Empty<MailboxFinding>(),
        null => throw new ArgumentNullException(nameof(facts)),
        _ => throw new ArgumentException(
            $"Cannot judge a {facts.GetType().Name}: expected InboxRuleFacts, MailboxForwardingFacts, MailboxPermissionFacts, FolderPermissionFacts or ClientAccessFacts.",
            nameof(facts)),
    };

    /// <summary>The findings of any facts record at or above <paramref name="minimum"/> (-MinimumRisk).</summary>
    public static IEnumerable<MailboxFinding> JudgeAny(object facts, RiskLevel minimum) => JudgeAny(facts).Where(f => f.IsAtLeast(minimum));

    /// <summary>
    /// Exchange's hidden system rules (the junk mail rule moves mail to Junk Email, which the table would call hiding)
    /// are not the user's or the attacker's; one that sends mail anywhere is judged all the same, whatever its name.
    /// </summary>
    private static bool IsExchangesOwn(InboxRuleFacts rule) => rule.Hidden && RuleNameTraits.IsSystemRule(rule.Name) && !InboxRuleTraits.SendsMailOn(rule);

    /// <summary>What every finding read from an Exchange mailbox object starts with; the mailbox is also what the remedy names.</summary>
    private static Described OnMailbox(string mailbox, string? userId, string? beforeImage, string kind) => new()
    {
        Mailbox = mailbox,
        UserId = userId,
        Kind = kind,
        Identity = mailbox,
        Source = MailboxFindingSources.ExchangeOnline,
        BeforeImage = beforeImage,
    };

    private static MailboxFinding? Judged<TFacts>(RuleTable<TFacts> table, TFacts facts, Func<Described> describe, string? note = null)
    {
        Assessment assessment = table.Assess(facts);
        if (!assessment.IsFinding)
        {
            return null;
        }

        Described described = describe();
        string remedy = MailboxRemedies.For(described.ToFinding(), disableRule: false).ToString();
        return described.ToFinding(assessment, note, remedy);
    }

    /// <summary>A finding being described, as a record so each kind states only what differs (MailboxFinding is a class without `with`).</summary>
    private sealed record Described
    {
        public string Mailbox { get; init; } = string.Empty;
        public string? UserId { get; init; }
        public string Kind { get; init; } = string.Empty;
        public string? Name { get; init; }
        public string Identity { get; init; } = string.Empty;
        public string Source { get; init; } = string.Empty;
        public bool? Enabled { get; init; }
        public string[] Targets { get; init; } = Array.Empty<string>();
        public string? Trustee { get; init; }
        public string[] AccessRights { get; init; } = Array.Empty<string>();
        public string? BeforeImage { get; init; }

        /// <summary>The finding: as described alone (what the remedy is worked out from), or with its judgement and remedy.</summary>
        public MailboxFinding ToFinding(Assessment? assessment = null, string? note = null, string? remedy = null) => new()
        {
            Mailbox = Mailbox,
            UserId = UserId,
            Kind = Kind,
            Name = Name,
            Identity = Identity,
            Source = Source,
            Enabled = Enabled,
            Targets = Targets,
            Trustee = Trustee,
            AccessRights = AccessRights,
            BeforeImage = BeforeImage,
            RiskLevel = (assessment?.Level ?? RiskLevel.None).ToString(),
            Score = assessment?.Score ?? 0,
            ReasonCodes = assessment?.ReasonCodes ?? Array.Empty<string>(),
            Reasons = assessment is null ? Array.Empty<string>() : note is null ? assessment.Reasons : assessment.Reasons.Append(note).ToArray(),
            RemediationCommand = remedy,
        };
    }
}

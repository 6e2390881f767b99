namespace IdentityContainment.Detection.Mailbox;

/// <summary>
/// Judges what a reader gathered about a mailbox with the rule tables, and turns every subject a rule fired on into a
/// complete <see cref="MailboxFinding"/>: what it is, where mail goes or who holds access, every reason, the command
/// that removes it and the before-image to undo that. No I/O: the same facts give the same finding.
/// </summary>
public static class MailboxJudge
{
    /// <summary>The finding for an inbox rule, or null when no rule fired (the user's ordinary rules).</summary>
    public static MailboxFinding? Judge(InboxRuleFacts rule)
    {
        if (IsExchangesOwn(rule ?? throw new ArgumentNullException(nameof(rule))))
        {
            return null;
        }

        Assessment assessment = InboxRuleRules.Table.Assess(rule);
        if (!assessment.IsFinding)
        {
            return null;
        }

        // A turned-off rule is still reported: anyone with access to the mailbox can turn it back on.
        string[] reasons = rule.Enabled ? assessment.Reasons : assessment.Reasons.Append("is disabled now, but can be turned back on at any time").ToArray();
        return Complete(new MailboxFinding
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
        }, assessment, reasons);
    }

    /// <summary>
    /// Exchange's hidden system rules (the junk mail rule moves mail to Junk Email, which the table would call hiding)
    /// are not the user's or the attacker's; one that sends mail anywhere is judged all the same, whatever its name.
    /// </summary>
    private static bool IsExchangesOwn(InboxRuleFacts rule) => rule.Hidden && RuleNameTraits.IsSystemRule(rule.Name) && !InboxRuleTraits.SendsMailOn(rule);

    /// <summary>The mailbox's forwarding finding and its send-on-behalf finding, each when its rules fired.</summary>
    public static IEnumerable<MailboxFinding> Judge(MailboxForwardingFacts mailbox)
    {
        if (mailbox is null)
        {
            throw new ArgumentNullException(nameof(mailbox));
        }

        var findings = new List<MailboxFinding>();
        Assessment forwarding = MailboxForwardingRules.Table.Assess(mailbox);
        if (forwarding.IsFinding)
        {
            string?[] fields = { MailboxForwardingRules.SmtpTarget(mailbox) is null ? null : "ForwardingSmtpAddress", string.IsNullOrWhiteSpace(mailbox.ForwardingAddress) ? null : "ForwardingAddress" };
            findings.Add(Complete(new MailboxFinding
            {
                Mailbox = mailbox.Mailbox,
                UserId = mailbox.UserId,
                Kind = MailboxFindingKinds.MailboxForwarding,
                Name = string.Join(", ", fields.OfType<string>()),
                Identity = mailbox.Mailbox,
                Source = MailboxFindingSources.ExchangeOnline,
                Targets = new[] { MailboxForwardingRules.SmtpTarget(mailbox), mailbox.ForwardingAddress?.Trim() }.OfType<string>().Where(t => t.Length > 0).ToArray(),
                BeforeImage = mailbox.BeforeImage,
            }, forwarding, forwarding.Reasons));
        }

        Assessment sendOnBehalf = MailboxForwardingRules.SendOnBehalf.Assess(mailbox);
        if (sendOnBehalf.IsFinding)
        {
            string[] delegates = MailboxForwardingRules.Delegates(mailbox);
            findings.Add(Complete(new MailboxFinding
            {
                Mailbox = mailbox.Mailbox,
                UserId = mailbox.UserId,
                Kind = MailboxFindingKinds.SendOnBehalf,
                Name = "GrantSendOnBehalfTo",
                Identity = mailbox.Mailbox,
                Source = MailboxFindingSources.ExchangeOnline,
                Targets = delegates,
                Trustee = string.Join(", ", delegates),
                AccessRights = new[] { "SendOnBehalf" },
                BeforeImage = mailbox.BeforeImage,
            }, sendOnBehalf, sendOnBehalf.Reasons));
        }

        return findings;
    }

    /// <summary>The FullAccess or SendAs finding for one permission entry, or null for the mailbox's own, inherited or deny entries.</summary>
    public static MailboxFinding? Judge(MailboxPermissionFacts permission)
    {
        Assessment assessment = MailboxPermissionRules.Table.Assess(permission ?? throw new ArgumentNullException(nameof(permission)));
        if (!assessment.IsFinding)
        {
            return null;
        }

        string kind = permission.IsRecipientPermission ? MailboxFindingKinds.SendAs : MailboxFindingKinds.FullAccess;
        return Complete(new MailboxFinding
        {
            Mailbox = permission.Mailbox,
            UserId = permission.UserId,
            Kind = kind,
            Name = kind,
            Identity = permission.Mailbox,
            Source = MailboxFindingSources.ExchangeOnline,
            Targets = new[] { permission.Trustee.Trim() },
            Trustee = permission.Trustee.Trim(),
            AccessRights = AccessRightNames.Split(permission.AccessRights),
            BeforeImage = permission.BeforeImage,
        }, assessment, assessment.Reasons);
    }

    /// <summary>The finding for a Default or Anonymous entry on the Inbox or the top of the store, or null.</summary>
    public static MailboxFinding? Judge(FolderPermissionFacts folder)
    {
        Assessment assessment = FolderPermissionRules.Table.Assess(folder ?? throw new ArgumentNullException(nameof(folder)));
        if (!assessment.IsFinding)
        {
            return null;
        }

        return Complete(new MailboxFinding
        {
            Mailbox = folder.Mailbox,
            UserId = folder.UserId,
            Kind = MailboxFindingKinds.FolderPermission,
            Name = FolderPermissionRules.IsTopOfStore(folder) ? "Top of Information Store" : folder.FolderName ?? MailFolderNames.LastPart(folder.FolderIdentity),
            Identity = folder.FolderIdentity,
            Source = MailboxFindingSources.ExchangeOnline,
            Targets = new[] { folder.User.Trim() },
            Trustee = folder.User.Trim(),
            AccessRights = AccessRightNames.Split(folder.AccessRights),
            BeforeImage = folder.BeforeImage,
        }, assessment, assessment.Reasons);
    }

    /// <summary>The legacy protocol finding (Low), naming the protocols left on, or null when all are off.</summary>
    public static MailboxFinding? Judge(ClientAccessFacts mailbox)
    {
        Assessment assessment = ClientAccessRules.Table.Assess(mailbox ?? throw new ArgumentNullException(nameof(mailbox)));
        if (!assessment.IsFinding)
        {
            return null;
        }

        return Complete(new MailboxFinding
        {
            Mailbox = mailbox.Mailbox,
            UserId = mailbox.UserId,
            Kind = MailboxFindingKinds.LegacyProtocol,
            Name = "Client protocols",
            Identity = mailbox.Mailbox,
            Source = MailboxFindingSources.ExchangeOnline,
            Targets = LegacyProtocols.OpenIn(mailbox),
            BeforeImage = mailbox.BeforeImage,
        }, assessment, assessment.Reasons);
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

    /// <summary>Adds the judgement, and the remedy worked out from what the caller described, to a finding.</summary>
    private static MailboxFinding Complete(MailboxFinding described, Assessment assessment, string[] reasons) => new()
    {
        Mailbox = described.Mailbox,
        UserId = described.UserId,
        Kind = described.Kind,
        Name = described.Name,
        Identity = described.Identity,
        Source = described.Source,
        Enabled = described.Enabled,
        Targets = described.Targets,
        Trustee = described.Trustee,
        AccessRights = described.AccessRights,
        BeforeImage = described.BeforeImage,
        RiskLevel = assessment.Level.ToString(),
        Score = assessment.Score,
        ReasonCodes = assessment.ReasonCodes,
        Reasons = reasons,
        RemediationCommand = MailboxRemedies.For(described, disableRule: false).ToString(),
    };
}

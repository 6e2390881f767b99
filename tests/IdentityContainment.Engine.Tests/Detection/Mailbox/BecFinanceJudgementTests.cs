using IdentityContainment.Detection.Mailbox;
using static IdentityContainment.Engine.Tests.Detection.Mailbox.Fabrikam;

namespace IdentityContainment.Engine.Tests.Detection.Mailbox;

/// <summary>
/// Nestor Wilke's mailbox in the bec-finance scenario, judged as the analyst expects: every foothold the attacker left
/// is a finding (the rules, the hidden rule, the forwarding, IT Support's FullAccess and SendAs), and none of Nestor's
/// own rules or the mailbox's ordinary entries is.
/// </summary>
public sealed class BecFinanceJudgementTests
{
    private static readonly InboxRuleFacts HideInvoices = Rule("..", "101") with
    {
        ConditionWords = new[] { "Rechnung", "invoice", "Zahlung", "payment" },
        MoveToFolder = Folder(@"Nestor Wilke:\RSS-Abonnements"),
        MarkAsRead = true,
        StopProcessingRules = true,
    };

    private static readonly InboxRuleFacts Cleanup = Rule("Cleanup", "102") with { ConditionWords = new[] { "invoice" }, Delete = true, StopProcessingRules = true };
    private static readonly InboxRuleFacts Projekte = Rule("Projekte", "103") with { ConditionWords = new[] { "Projekt" }, MoveToFolder = Folder(@"Nestor Wilke:\Archive Projects") };
    private static readonly InboxRuleFacts Newsletter = Rule("Newsletter", "104") with { ConditionWords = new[] { "newsletter@" }, MoveToFolder = Folder(@"Nestor Wilke:\Newsletter") };
    private static readonly InboxRuleFacts KopieAnMich = Rule("Kopie an mich", "105") with { ConditionWords = new[] { "Reisekosten" }, ForwardTo = new[] { "\"Nestor Wilke\" [SMTP:" + NestorAlias + "]" } };
    private static readonly InboxRuleFacts Sync = Rule("Sync", "106") with { Hidden = true, ForwardTo = new[] { "\"" + AttackerDrop + "\" [SMTP:" + AttackerDrop + "]" } };
    private static readonly InboxRuleFacts JunkRule = Rule("Junk E-Mail Rule", "107") with { Hidden = true, MoveToFolder = Folder(@"Nestor Wilke:\Junk-E-Mail") };

    private static readonly MailboxForwardingFacts Mailbox = new()
    {
        Mailbox = Nestor,
        UserId = "5e0a1c4b-0b6d-4a53-9f0e-8c1e2d3f4a5b",
        UserPrincipalName = Nestor,
        PrimarySmtpAddress = Nestor,
        ForwardingSmtpAddress = AttackerDrop,
        ForwardingAddress = "Finance Archive",
        DeliverToMailboxAndForward = true,
        GrantSendOnBehalfTo = new[] { "IT Support" },
        Domains = Domains,
        BeforeImage = "{\"ForwardingSmtpAddress\":\"smtp:nw-archive@mailbox-secure.example\"}",
    };

    [Theory]
    [InlineData("..", "High")]
    [InlineData("Cleanup", "High")]
    [InlineData("Sync", "High")]
    [InlineData("Projekte", null)]
    [InlineData("Newsletter", null)]
    [InlineData("Kopie an mich", null)]
    [InlineData("Junk E-Mail Rule", null)]
    public void The_attackers_rules_are_high_and_nestors_own_are_no_finding(string name, string? risk)
    {
        InboxRuleFacts rule = new[] { HideInvoices, Cleanup, Projekte, Newsletter, KopieAnMich, Sync, JunkRule }.Single(r => r.Name == name);

        Assert.Equal(risk, MailboxJudge.Judge(rule)?.RiskLevel);
    }

    [Fact]
    public void The_hiding_rule_is_a_complete_finding_with_every_reason_and_the_command_that_removes_it()
    {
        MailboxFinding finding = MailboxJudge.Judge(HideInvoices)!;

        Assert.Equal(Nestor, finding.Mailbox);
        Assert.Equal("5e0a1c4b-0b6d-4a53-9f0e-8c1e2d3f4a5b", finding.UserId);
        Assert.Equal(MailboxFindingKinds.InboxRule, finding.Kind);
        Assert.Equal("..", finding.Name);
        Assert.Equal(@"nestorw@fabrikam.com\101", finding.Identity);
        Assert.Equal(MailboxFindingSources.ExchangeOnline, finding.Source);
        Assert.True(finding.Enabled);
        Assert.Equal(new[] { "folder: RSS-Abonnements" }, finding.Targets);
        Assert.Equal(
            new[] { "InboxRuleHidesInFolder", "InboxRuleMarksReadAndMoves", "InboxRuleStopsOtherRules", "InboxRuleWatchesSensitiveWords", "InboxRuleDivertsSensitiveMail", "InboxRuleJunkName" },
            finding.ReasonCodes);
        Assert.Equal(100, finding.Score);
        Assert.Contains(finding.Reasons, r => r.Contains("rechnung", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(@"Remove-InboxRule -Identity 'nestorw@fabrikam.com\101' -AlwaysDeleteOutlookRulesBlob:$true -Confirm:$false", finding.RemediationCommand);
        Assert.Equal("{\"Name\":\"..\"}", finding.BeforeImage);
    }

    [Fact]
    public void The_hidden_forwarding_rule_names_its_outside_address_and_that_it_is_hidden()
    {
        MailboxFinding finding = MailboxJudge.Judge(Sync)!;

        Assert.Equal(new[] { AttackerDrop }, finding.Targets);
        Assert.Equal(new[] { "InboxRuleForwardsOutside", "InboxRuleHidden" }, finding.ReasonCodes);
    }

    [Fact]
    public void A_hidden_rule_with_a_system_name_that_sends_mail_out_is_still_judged()
    {
        InboxRuleFacts disguised = JunkRule with { ForwardTo = new[] { AttackerDrop } };

        Assert.Equal("High", MailboxJudge.Judge(disguised)?.RiskLevel);
    }

    [Fact]
    public void A_disabled_attacker_rule_is_still_a_finding_and_says_it_is_disabled()
    {
        MailboxFinding finding = MailboxJudge.Judge(Cleanup with { Enabled = false })!;

        Assert.False(finding.Enabled);
        Assert.Equal("High", finding.RiskLevel);
        Assert.Contains(finding.Reasons, r => r.Contains("disabled", StringComparison.Ordinal));
        Assert.DoesNotContain(MailboxJudge.Judge(Cleanup)!.Reasons, r => r.Contains("disabled", StringComparison.Ordinal));
    }

    [Fact]
    public void Mailbox_forwarding_and_send_on_behalf_are_two_findings_each_with_its_own_remedy()
    {
        MailboxFinding[] findings = MailboxJudge.Judge(Mailbox).ToArray();

        MailboxFinding forwarding = Assert.Single(findings, f => f.Kind == MailboxFindingKinds.MailboxForwarding);
        Assert.Equal("High", forwarding.RiskLevel);
        Assert.Equal(new[] { AttackerDrop, "Finance Archive" }, forwarding.Targets);
        Assert.Equal(new[] { "MailboxForwardsOutside", "MailboxForwardsToRecipient", "MailboxForwardsAndKeepsCopy" }, forwarding.ReasonCodes);
        Assert.Equal("ForwardingSmtpAddress, ForwardingAddress", forwarding.Name);
        Assert.Equal(
            "Set-Mailbox -Identity 'nestorw@fabrikam.com' -ForwardingSmtpAddress $null -ForwardingAddress $null -DeliverToMailboxAndForward:$false",
            forwarding.RemediationCommand);
        Assert.Equal(Mailbox.BeforeImage, forwarding.BeforeImage);

        MailboxFinding sendOnBehalf = Assert.Single(findings, f => f.Kind == MailboxFindingKinds.SendOnBehalf);
        Assert.Equal("IT Support", sendOnBehalf.Trustee);
        Assert.Equal("Low", sendOnBehalf.RiskLevel);
        Assert.Equal("Set-Mailbox -Identity 'nestorw@fabrikam.com' -GrantSendOnBehalfTo @{Remove='IT Support'}", sendOnBehalf.RemediationCommand);
    }

    [Fact]
    public void A_mailbox_without_forwarding_or_delegates_gives_no_finding()
    {
        Assert.Empty(MailboxJudge.Judge(new MailboxForwardingFacts { Mailbox = "pattif@fabrikam.com", Domains = Domains, DeliverToMailboxAndForward = true }));
    }

    [Fact]
    public void Only_it_supports_own_full_access_and_send_as_are_findings()
    {
        var entries = new[]
        {
            new MailboxPermissionFacts { Mailbox = Nestor, Trustee = @"NT AUTHORITY\SELF", AccessRights = new[] { "FullAccess", "ReadPermission" } },
            new MailboxPermissionFacts { Mailbox = Nestor, Trustee = "IT Support", AccessRights = new[] { "FullAccess" }, Domains = Domains },
            new MailboxPermissionFacts { Mailbox = Nestor, Trustee = @"NAMPR01A001\Administrator", AccessRights = new[] { "FullAccess" }, IsInherited = true },
            new MailboxPermissionFacts { Mailbox = Nestor, Trustee = "Finance Auditors", AccessRights = new[] { "FullAccess" }, Deny = true },
            new MailboxPermissionFacts { Mailbox = Nestor, Trustee = @"NT AUTHORITY\SELF", AccessRights = new[] { "SendAs" }, IsRecipientPermission = true },
            new MailboxPermissionFacts { Mailbox = Nestor, Trustee = "IT Support", AccessRights = new[] { "SendAs" }, IsRecipientPermission = true, Domains = Domains },
        };

        MailboxFinding[] findings = entries.SelectMany(MailboxJudge.JudgeAny).ToArray();

        Assert.Equal(new[] { MailboxFindingKinds.FullAccess, MailboxFindingKinds.SendAs }, findings.Select(f => f.Kind));
        Assert.All(findings, f => Assert.Equal("IT Support", f.Trustee));
        Assert.All(findings, f => Assert.Equal("Medium", f.RiskLevel));
        Assert.Equal(
            "Remove-MailboxPermission -Identity 'nestorw@fabrikam.com' -User 'IT Support' -AccessRights 'FullAccess' -InheritanceType 'All' -Confirm:$false",
            findings[0].RemediationCommand);
        Assert.Equal(
            "Remove-RecipientPermission -Identity 'nestorw@fabrikam.com' -Trustee 'IT Support' -AccessRights 'SendAs' -Confirm:$false",
            findings[1].RemediationCommand);
    }

    [Fact]
    public void Only_default_reading_the_german_inbox_is_a_folder_finding()
    {
        var entries = new[]
        {
            new FolderPermissionFacts { Mailbox = Nestor, FolderIdentity = Nestor + @":\Posteingang", FolderName = "Posteingang", User = "Default", AccessRights = new[] { "Reviewer" } },
            new FolderPermissionFacts { Mailbox = Nestor, FolderIdentity = Nestor + @":\Posteingang", FolderName = "Posteingang", User = "Anonymous", AccessRights = new[] { "None" } },
            new FolderPermissionFacts { Mailbox = Nestor, FolderIdentity = Nestor, FolderName = "Top of Information Store", User = "Default", AccessRights = new[] { "None" } },
        };

        MailboxFinding finding = Assert.Single(entries.SelectMany(MailboxJudge.JudgeAny));

        Assert.Equal(MailboxFindingKinds.FolderPermission, finding.Kind);
        Assert.Equal("Posteingang", finding.Name);
        Assert.Equal("Default", finding.Trustee);
        Assert.Equal(new[] { "Reviewer" }, finding.AccessRights);
        Assert.Equal("Medium", finding.RiskLevel);
        Assert.Equal(@"Set-MailboxFolderPermission -Identity 'nestorw@fabrikam.com:\Posteingang' -User 'Default' -AccessRights 'None'", finding.RemediationCommand);
    }

    [Fact]
    public void Every_protocol_left_on_is_one_low_finding_naming_each_protocol()
    {
        var cas = new ClientAccessFacts { Mailbox = Nestor, ImapEnabled = true, PopEnabled = true, ActiveSyncEnabled = true, EwsEnabled = true, SmtpClientAuthenticationDisabled = null };

        MailboxFinding finding = MailboxJudge.Judge(cas)!;

        Assert.Equal("Low", finding.RiskLevel);
        Assert.Equal(new[] { "IMAP", "POP", "ActiveSync", "EWS", "SMTP client authentication" }, finding.Targets);
        Assert.Equal(
            "Set-CASMailbox -Identity 'nestorw@fabrikam.com' -ImapEnabled:$false -PopEnabled:$false -ActiveSyncEnabled:$false -EwsEnabled:$false -SmtpClientAuthenticationDisabled:$true",
            finding.RemediationCommand);
    }

    [Fact]
    public void Judging_something_that_is_not_mailbox_facts_says_what_it_expected()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => MailboxJudge.JudgeAny("Get-InboxRule output").ToArray());

        Assert.Contains("InboxRuleFacts", error.Message, StringComparison.Ordinal);
    }
}

using IdentityContainment.Detection;
using IdentityContainment.Detection.Mailbox;
using static IdentityContainment.Engine.Tests.Detection.Mailbox.Fabrikam;

namespace IdentityContainment.Engine.Tests.Detection.Mailbox;

/// <summary>The tables over what Get-Mailbox, Get-MailboxPermission, Get-RecipientPermission, Get-MailboxFolderPermission and Get-CASMailbox show.</summary>
public sealed class MailboxSettingsRulesTests
{
    private static readonly MailboxForwardingFacts Quiet = new() { Mailbox = Nestor, Domains = Domains };

    private static MailboxPermissionFacts FullAccess(string trustee) => new() { Mailbox = Nestor, Trustee = trustee, AccessRights = new[] { "FullAccess" }, Domains = Domains };

    private static MailboxPermissionFacts SendAs(string trustee) => FullAccess(trustee) with { AccessRights = new[] { "SendAs" }, IsRecipientPermission = true };

    private static FolderPermissionFacts FolderEntry(string folder, string user, params string[] rights) => new()
    {
        Mailbox = Nestor,
        FolderIdentity = folder.Length == 0 ? Nestor : Nestor + @":\" + folder,
        FolderName = folder.Length == 0 ? "Top of Information Store" : folder,
        User = user,
        AccessRights = rights,
    };

    private static readonly ClientAccessFacts AllOff = new()
    {
        Mailbox = Nestor, ImapEnabled = false, PopEnabled = false, ActiveSyncEnabled = false, EwsEnabled = false, SmtpClientAuthenticationDisabled = true,
    };

    [Fact]
    public void Each_forwarding_rule_fires_on_its_case_and_not_on_its_near_miss() =>
        RuleTableAssert.EachRuleFiresOnItsCaseAndNotOnItsNearMiss(MailboxForwardingRules.Table, new RuleCase<MailboxForwardingFacts>[]
        {
            new("MailboxForwardsOutside", Quiet with { ForwardingSmtpAddress = "smtp:" + AttackerDrop }, Quiet with { ForwardingSmtpAddress = "smtp:pattif@fabrikam.com" }),
            new("MailboxForwardsInside", Quiet with { ForwardingSmtpAddress = "pattif@fabrikam.com" }, Quiet with { ForwardingSmtpAddress = "ap@fabrikam-partners.com" }),
            new("MailboxForwardsToRecipient", Quiet with { ForwardingAddress = "Finance Archive" }, Quiet with { ForwardingAddress = " " }),
            new("MailboxForwardsAndKeepsCopy", Quiet with { ForwardingAddress = "Finance Archive", DeliverToMailboxAndForward = true }, Quiet with { DeliverToMailboxAndForward = true }),
        });

    [Fact]
    public void The_send_on_behalf_rule_fires_on_its_case_and_not_on_its_near_miss() =>
        RuleTableAssert.EachRuleFiresOnItsCaseAndNotOnItsNearMiss(MailboxForwardingRules.SendOnBehalf, new RuleCase<MailboxForwardingFacts>[]
        {
            new("MailboxGrantsSendOnBehalf", Quiet with { GrantSendOnBehalfTo = new[] { "IT Support" } }, Quiet with { GrantSendOnBehalfTo = new[] { "" } }),
        });

    [Fact]
    public void Each_permission_rule_fires_on_its_case_and_not_on_its_near_miss() =>
        RuleTableAssert.EachRuleFiresOnItsCaseAndNotOnItsNearMiss(MailboxPermissionRules.Table, new RuleCase<MailboxPermissionFacts>[]
        {
            new("MailboxFullAccessToOther", FullAccess("IT Support"), FullAccess(@"NT AUTHORITY\SELF")),
            new("MailboxFullAccessToOther", FullAccess("it-support@fabrikam.onmicrosoft.com"), FullAccess("it-support@fabrikam.onmicrosoft.com") with { IsInherited = true }),
            new("MailboxFullAccessToOther", FullAccess("IT Support") with { AccessRights = new[] { "FullAccess, ReadPermission" } }, FullAccess("IT Support") with { Deny = true }),
            new("MailboxFullAccessToOther", FullAccess("IT Support"), FullAccess("IT Support") with { AccessRights = new[] { "ReadPermission" } }),
            new("MailboxSendAsToOther", SendAs("IT Support"), SendAs("S-1-5-10")),
            new("MailboxSendAsToOther", SendAs("IT Support"), SendAs("IT Support") with { Deny = true }),
            new("MailboxPermissionToOutsider", FullAccess("helper@mailbox-secure.example"), FullAccess("it-support@fabrikam.onmicrosoft.com")),
            new("MailboxPermissionToOutsider", SendAs("ann_gmail.com#EXT#@fabrikam.onmicrosoft.com"), SendAs("ann@fabrikam.onmicrosoft.com")),
        });

    [Fact]
    public void Each_folder_permission_rule_fires_on_its_case_and_not_on_its_near_miss() =>
        RuleTableAssert.EachRuleFiresOnItsCaseAndNotOnItsNearMiss(FolderPermissionRules.Table, new RuleCase<FolderPermissionFacts>[]
        {
            new("FolderOpenToOrganisation", FolderEntry("Posteingang", "Default", "Reviewer"), FolderEntry("Posteingang", "Default", "None")),
            new("FolderOpenToOrganisation", FolderEntry("", "Default", "FolderVisible"), FolderEntry("Kalender", "Default", "Reviewer")),
            new("FolderOpenToOrganisation", FolderEntry("Boîte de réception", "default", "{Reviewer}"), FolderEntry("Posteingang", "Patti Fernandez", "Reviewer")),
            new("FolderOpenToAnonymous", FolderEntry("Inbox", "Anonymous", "Reviewer"), FolderEntry("Inbox", "Anonymous", "None")),
            new("FolderOpenToChange", FolderEntry("Posteingang", "Default", "Editor"), FolderEntry("Posteingang", "Default", "Reviewer")),
        });

    [Fact]
    public void Each_client_protocol_rule_fires_on_its_case_and_not_on_its_near_miss() =>
        RuleTableAssert.EachRuleFiresOnItsCaseAndNotOnItsNearMiss(ClientAccessRules.Table, new RuleCase<ClientAccessFacts>[]
        {
            new("ClientImapEnabled", AllOff with { ImapEnabled = true }, AllOff with { ImapEnabled = null }),
            new("ClientPopEnabled", AllOff with { PopEnabled = true }, AllOff),
            new("ClientActiveSyncEnabled", AllOff with { ActiveSyncEnabled = true }, AllOff),
            new("ClientEwsEnabled", AllOff with { EwsEnabled = true }, AllOff),
            new("ClientSmtpAuthNotDisabled", AllOff with { SmtpClientAuthenticationDisabled = null }, AllOff),
        });

    [Fact]
    public void Every_legacy_protocol_left_on_together_is_still_only_low()
    {
        var allOn = new ClientAccessFacts { Mailbox = Nestor, ImapEnabled = true, PopEnabled = true, ActiveSyncEnabled = true, EwsEnabled = true, SmtpClientAuthenticationDisabled = false };

        Assessment assessment = ClientAccessRules.Table.Assess(allOn);

        Assert.Equal(5, assessment.Hits.Count);
        Assert.Equal(RiskLevel.Low, assessment.Level);
    }

    [Fact]
    public void Mailbox_forwarding_outside_is_high_alone_and_a_forwarding_contact_is_medium()
    {
        Assert.Equal(RiskLevel.High, MailboxForwardingRules.Table.Assess(Quiet with { ForwardingSmtpAddress = "smtp:" + AttackerDrop }).Level);
        Assert.Equal(RiskLevel.Medium, MailboxForwardingRules.Table.Assess(Quiet with { ForwardingAddress = "Finance Archive" }).Level);
        Assert.False(MailboxForwardingRules.Table.Assess(Quiet with { DeliverToMailboxAndForward = true }).IsFinding);
    }

    [Fact]
    public void A_delegate_inside_is_medium_and_one_outside_the_organisation_is_high()
    {
        Assert.Equal(RiskLevel.Medium, MailboxPermissionRules.Table.Assess(FullAccess("it-support@fabrikam.onmicrosoft.com")).Level);
        Assert.Equal(RiskLevel.High, MailboxPermissionRules.Table.Assess(SendAs("helper@mailbox-secure.example")).Level);
    }
}

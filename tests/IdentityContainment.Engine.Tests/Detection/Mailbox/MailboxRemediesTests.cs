using IdentityContainment.Detection.Mailbox;

namespace IdentityContainment.Engine.Tests.Detection.Mailbox;

public sealed class MailboxRemediesTests
{
    private static MailboxFinding Exchange(string kind, string identity, string? trustee = null, params string[] targets) => new()
    {
        Mailbox = "nestorw@fabrikam.com",
        Kind = kind,
        Identity = identity,
        Source = MailboxFindingSources.ExchangeOnline,
        Trustee = trustee,
        Targets = targets,
    };

    [Theory]
    [InlineData(false, @"Remove-InboxRule -Identity 'nestorw@fabrikam.com\101' -AlwaysDeleteOutlookRulesBlob:$true -Confirm:$false")]
    [InlineData(true, @"Disable-InboxRule -Identity 'nestorw@fabrikam.com\101' -Confirm:$false")]
    public void An_exchange_rule_is_removed_or_disabled_by_its_identity(bool disable, string expected)
    {
        Assert.Equal(expected, MailboxRemedies.ForExchange(Exchange(MailboxFindingKinds.InboxRule, @"nestorw@fabrikam.com\101"), disable).ToString());
    }

    [Fact]
    public void A_rule_known_only_by_its_number_is_named_with_its_mailbox()
    {
        Assert.Equal(
            "Remove-InboxRule -Identity '101' -Mailbox 'nestorw@fabrikam.com' -AlwaysDeleteOutlookRulesBlob:$true -Confirm:$false",
            MailboxRemedies.ForExchange(Exchange(MailboxFindingKinds.InboxRule, "101"), disableRule: false).ToString());
    }

    [Fact]
    public void Send_on_behalf_removes_every_delegate_the_finding_names_and_no_one_else()
    {
        MailboxFinding finding = Exchange(MailboxFindingKinds.SendOnBehalf, "nestorw@fabrikam.com", "IT Support, O'Neil", "IT Support", "O'Neil");

        Assert.Equal(
            "Set-Mailbox -Identity 'nestorw@fabrikam.com' -GrantSendOnBehalfTo @{Remove='IT Support','O''Neil'}",
            MailboxRemedies.ForExchange(finding, disableRule: false).ToString());
    }

    [Fact]
    public void The_top_of_the_store_is_named_with_the_root_folder_path()
    {
        MailboxFinding finding = Exchange(MailboxFindingKinds.FolderPermission, "nestorw@fabrikam.com", "Anonymous", "Anonymous");

        Assert.Equal(
            @"Set-MailboxFolderPermission -Identity 'nestorw@fabrikam.com:\' -User 'Anonymous' -AccessRights 'None'",
            MailboxRemedies.ForExchange(finding, disableRule: false).ToString());
    }

    [Fact]
    public void Only_the_protocols_the_finding_names_are_turned_off()
    {
        MailboxFinding finding = Exchange(MailboxFindingKinds.LegacyProtocol, "nestorw@fabrikam.com", null, LegacyProtocols.Imap, LegacyProtocols.SmtpClientAuth);

        ExchangeCommand command = MailboxRemedies.ForExchange(finding, disableRule: false);

        Assert.Equal("Set-CASMailbox -Identity 'nestorw@fabrikam.com' -ImapEnabled:$false -SmtpClientAuthenticationDisabled:$true", command.ToString());
        Assert.Equal(false, command["ImapEnabled"]);
    }

    [Fact]
    public void A_graph_rule_is_disabled_with_the_graph_update_command()
    {
        var finding = new MailboxFinding { Mailbox = "adelev@contoso.com", UserId = "0c8b2b2e", Kind = MailboxFindingKinds.InboxRule, Identity = "AQAAAJ5dZhI=", Source = MailboxFindingSources.Graph };

        Assert.Equal(
            "Update-MgUserMailFolderMessageRule -UserId '0c8b2b2e' -MailFolderId 'inbox' -MessageRuleId 'AQAAAJ5dZhI=' -IsEnabled:$false",
            MailboxRemedies.For(finding, disableRule: true).ToString());
        ArgumentException error = Assert.Throws<ArgumentException>(() => MailboxRemedies.ForExchange(finding, disableRule: false));
        Assert.Contains("ForGraph", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kind_no_command_removes_is_refused_with_its_name()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => MailboxRemedies.ForExchange(Exchange("Calendar", "nestorw@fabrikam.com"), disableRule: false));

        Assert.Contains("'Calendar'", error.Message, StringComparison.Ordinal);
    }
}

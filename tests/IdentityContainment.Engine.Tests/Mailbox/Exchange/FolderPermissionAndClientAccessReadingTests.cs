using IdentityContainment.Detection.Mailbox;
using IdentityContainment.Mailboxes.Exchange;
using static IdentityContainment.Engine.Tests.Mailbox.Exchange.BecFinanceExchangeFixtures;

namespace IdentityContainment.Engine.Tests.Mailbox.Exchange;

public sealed class FolderPermissionAndClientAccessReadingTests
{
    [Fact]
    public void Reimported_folder_permissions_name_the_folder_as_exchange_takes_it_back()
    {
        IReadOnlyList<ExchangeReading> readings = Read(Clixml("MailboxFolderPermission.clixml"));

        var entries = readings.Select(Facts<FolderPermissionFacts>).ToList();
        Assert.All(readings, reading => Assert.Equal(ExchangeObjectKind.FolderPermission, reading.Kind));

        Assert.Equal("Nestor Wilke", entries[0].Mailbox);
        Assert.Equal(@"Nestor Wilke:\Posteingang", entries[0].FolderIdentity);
        Assert.Equal("Posteingang", entries[0].FolderName);
        Assert.Equal("Default", entries[0].User);
        Assert.Equal(new[] { "Reviewer" }, entries[0].AccessRights);

        Assert.Equal("Anonymous", entries[1].User);
        Assert.Equal(new[] { "None" }, entries[1].AccessRights);

        Assert.Equal(@"Nestor Wilke:\", entries[2].FolderIdentity);
        Assert.Equal("Top of Information Store", entries[2].FolderName);
    }

    [Fact]
    public void A_folder_permission_identity_that_ends_in_its_user_keeps_only_the_folder()
    {
        var live = LiveExchangeObjects.Object(
            LiveExchangeObjects.FolderPermissionTypes,
            ("FolderName", "Posteingang"), ("User", new ExchangeTypedValue("Default")), ("AccessRights", new[] { "Reviewer" }), ("Identity", new ExchangeTypedValue(@"nestorw@fabrikam.com:\Posteingang\Default")));

        FolderPermissionFacts entry = Facts<FolderPermissionFacts>(ExchangeObjectReader.Read(live, Fabrikam));

        Assert.Equal("nestorw@fabrikam.com", entry.Mailbox);
        Assert.Equal(@"nestorw@fabrikam.com:\Posteingang", entry.FolderIdentity);
    }

    [Fact]
    public void Reimported_cas_mailbox_has_every_legacy_protocol_on_and_smtp_auth_left_to_the_organisation()
    {
        ExchangeReading reading = Assert.Single(Read(Clixml("CASMailbox.clixml")));

        Assert.Equal(ExchangeObjectKind.CasMailbox, reading.Kind);
        ClientAccessFacts facts = Facts<ClientAccessFacts>(reading);
        Assert.Equal("Nestor Wilke", facts.Mailbox);
        Assert.True(facts.ImapEnabled);
        Assert.True(facts.PopEnabled);
        Assert.True(facts.ActiveSyncEnabled);
        Assert.True(facts.EwsEnabled);
        Assert.Null(facts.SmtpClientAuthenticationDisabled);
    }

    [Fact]
    public void Get_EXOCASMailbox_minimum_set_leaves_smtp_client_auth_unknown_not_off()
    {
        // The Minimum property set of Get-EXOCASMailbox (learn.microsoft.com/powershell/exchange/cmdlet-property-sets).
        var minimal = LiveExchangeObjects.Object(
            ["Microsoft.Exchange.Management.RestApiClient.ExoCasMailbox", "System.Object"],
            ("ActiveSyncEnabled", false), ("DisplayName", "Nestor Wilke"), ("ECPEnabled", true), ("EmailAddresses", new[] { "SMTP:nestorw@fabrikam.com" }),
            ("EwsEnabled", true), ("ExchangeVersion", "0.20 (15.0.0.0)"), ("Guid", Guid.Parse("a61c3f0e-52d4-4b7a-9e18-c03d7f5b2a94")), ("Identity", "Nestor Wilke"),
            ("ImapEnabled", false), ("MAPIEnabled", true), ("Name", "Nestor Wilke"), ("OWAEnabled", true), ("OrganizationId", "EURPR05A001.prod.outlook.com/..."),
            ("PopEnabled", false), ("PrimarySmtpAddress", "nestorw@fabrikam.com"), ("ServerLegacyDN", "/o=ExchangeLabs/..."));

        ClientAccessFacts facts = Facts<ClientAccessFacts>(ExchangeObjectReader.Read(minimal, Fabrikam));

        Assert.False(facts.ImapEnabled);
        Assert.False(facts.PopEnabled);
        Assert.False(facts.ActiveSyncEnabled);
        Assert.True(facts.EwsEnabled);
        Assert.Null(facts.SmtpClientAuthenticationDisabled);
    }

    [Fact]
    public void A_csv_cas_mailbox_reads_true_false_and_empty_cells()
    {
        var row = CsvRows.Row(
            ["Identity", "ExternalDirectoryObjectId", "ImapEnabled", "PopEnabled", "ActiveSyncEnabled", "EwsEnabled", "SmtpClientAuthenticationDisabled"],
            ["Nestor Wilke", NestorObjectId, "True", "false", "True", "", "False"]);

        ClientAccessFacts facts = Facts<ClientAccessFacts>(ExchangeObjectReader.Read(row, Fabrikam));

        Assert.Equal(NestorObjectId, facts.UserId);
        Assert.True(facts.ImapEnabled);
        Assert.False(facts.PopEnabled);
        Assert.True(facts.ActiveSyncEnabled);
        Assert.Null(facts.EwsEnabled);
        Assert.False(facts.SmtpClientAuthenticationDisabled);
    }
}

using IdentityContainment.Detection.Mailbox;
using IdentityContainment.Mailboxes.Exchange;
using static IdentityContainment.Engine.Tests.Mailbox.Exchange.BecFinanceExchangeFixtures;

namespace IdentityContainment.Engine.Tests.Mailbox.Exchange;

public sealed class PermissionReadingTests
{
    [Fact]
    public void Reimported_mailbox_permissions_keep_trustee_rights_inheritance_and_deny()
    {
        IReadOnlyList<ExchangeReading> readings = Read(Clixml("MailboxPermission.clixml"));

        Assert.All(readings, reading => Assert.Equal(ExchangeObjectKind.MailboxPermission, reading.Kind));
        var entries = readings.Select(Facts<MailboxPermissionFacts>).ToDictionary(entry => entry.Trustee);
        Assert.Equal(new[] { "FullAccess", "ReadPermission" }, entries[@"NT AUTHORITY\SELF"].AccessRights);

        MailboxPermissionFacts attacker = entries["it-support@fabrikam.onmicrosoft.com"];
        Assert.Equal("Nestor Wilke", attacker.Mailbox);
        Assert.Equal(new[] { "FullAccess" }, attacker.AccessRights);
        Assert.False(attacker.IsInherited);
        Assert.False(attacker.Deny);
        Assert.False(attacker.IsRecipientPermission);

        Assert.True(entries[@"FABRIKAM\Organization Management"].IsInherited);
        Assert.True(entries[@"FABRIKAM\Temp Contractors"].Deny);
        Assert.False(entries[@"FABRIKAM\Temp Contractors"].IsInherited);
    }

    [Fact]
    public void Reimported_recipient_permissions_are_send_as_entries()
    {
        IReadOnlyList<ExchangeReading> readings = Read(Clixml("RecipientPermission.clixml"));

        var entries = readings.Select(Facts<MailboxPermissionFacts>).ToList();
        Assert.All(readings, reading => Assert.Equal(ExchangeObjectKind.RecipientPermission, reading.Kind));
        Assert.Equal(new[] { @"NT AUTHORITY\SELF", "it-support@fabrikam.onmicrosoft.com" }, entries.Select(entry => entry.Trustee));
        Assert.All(entries, entry =>
        {
            Assert.Equal(new[] { "SendAs" }, entry.AccessRights);
            Assert.True(entry.IsRecipientPermission);
            Assert.False(entry.Deny);
        });
    }

    [Fact]
    public void A_csv_recipient_permission_that_denies_is_a_deny_entry()
    {
        var row = CsvRows.Row(["Identity", "Trustee", "AccessControlType", "AccessRights", "IsInherited"], ["Nestor Wilke", "Patti Fernandez", "Deny", "SendAs", "False"]);

        MailboxPermissionFacts entry = Facts<MailboxPermissionFacts>(ExchangeObjectReader.Read(row, Fabrikam));

        Assert.True(entry.Deny);
        Assert.True(entry.IsRecipientPermission);
    }

    [Fact]
    public void A_live_flags_value_holding_several_rights_gives_each_right()
    {
        var live = LiveExchangeObjects.Object(
            LiveExchangeObjects.MailboxPermissionTypes,
            ("Identity", "Nestor Wilke"), ("User", "it-support@fabrikam.onmicrosoft.com"), ("AccessRights", new[] { MailboxRights.FullAccess | MailboxRights.ReadPermission }), ("IsInherited", false), ("Deny", false));

        Assert.Equal(new[] { "FullAccess", "ReadPermission" }, Facts<MailboxPermissionFacts>(ExchangeObjectReader.Read(live, Fabrikam)).AccessRights);
    }

    [Theory]
    [InlineData("FullAccess, ReadPermission")]
    [InlineData("{FullAccess, ReadPermission}")]
    [InlineData("FullAccess;ReadPermission")]
    public void Rights_joined_in_a_csv_cell_are_split_into_each_right(string rights)
    {
        var row = CsvRows.Row(["Identity", "User", "AccessRights", "IsInherited", "Deny"], ["Nestor Wilke", "it-support@fabrikam.onmicrosoft.com", rights, "False", "False"]);

        Assert.Equal(new[] { "FullAccess", "ReadPermission" }, Facts<MailboxPermissionFacts>(ExchangeObjectReader.Read(row, Fabrikam)).AccessRights);
    }

    [Fact]
    public void A_permission_row_without_its_trustee_names_it()
    {
        var row = CsvRows.Row(["Identity", "AccessControlType", "AccessRights"], ["Nestor Wilke", "Allow", "SendAs"]);

        ExchangeReading reading = ExchangeObjectReader.Read(row, Fabrikam);

        Assert.Equal(ExchangeObjectKind.RecipientPermission, reading.Kind);
        Assert.StartsWith("This Get-RecipientPermission object lacks Trustee, which is needed to judge it.", reading.Problem);
    }
}

/// <summary>A flags enum like Exchange's MailboxRights: several rights in one value show as "FullAccess, ReadPermission".</summary>
[Flags]
internal enum MailboxRights
{
    FullAccess = 1,
    ReadPermission = 0x20000,
}

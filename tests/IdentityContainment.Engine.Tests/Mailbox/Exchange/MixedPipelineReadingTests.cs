using System.Management.Automation;
using IdentityContainment.Mailboxes.Exchange;
using static IdentityContainment.Engine.Tests.Mailbox.Exchange.BecFinanceExchangeFixtures;

namespace IdentityContainment.Engine.Tests.Mailbox.Exchange;

public sealed class MixedPipelineReadingTests
{
    [Fact]
    public void Every_kind_of_the_collection_in_one_pipeline_is_told_apart_and_a_bad_object_among_them_stops_nothing()
    {
        var stranger = LiveExchangeObjects.Object(["System.Diagnostics.Process", "System.Object"], ("Name", "pwsh"), ("Id", 4711), ("Handles", 812));
        var pipeline = new List<PSObject>();
        pipeline.AddRange(Clixml("CASMailbox.clixml"));
        pipeline.AddRange(Clixml("MailboxFolderPermission.clixml"));
        pipeline.Add(stranger);
        pipeline.AddRange(Clixml("InboxRules.clixml"));
        pipeline.AddRange(Csv("Mailbox.csv"));
        pipeline.AddRange(Clixml("RecipientPermission.clixml"));
        pipeline.AddRange(Clixml("MailboxPermission.clixml"));

        IReadOnlyList<ExchangeReading> readings = Read(pipeline);

        var kinds = readings.GroupBy(reading => reading.Kind).ToDictionary(group => group.Key, group => group.Count());
        Assert.Equal(1, kinds[ExchangeObjectKind.CasMailbox]);
        Assert.Equal(3, kinds[ExchangeObjectKind.FolderPermission]);
        Assert.Equal(7, kinds[ExchangeObjectKind.InboxRule]);
        Assert.Equal(1, kinds[ExchangeObjectKind.Mailbox]);
        Assert.Equal(2, kinds[ExchangeObjectKind.RecipientPermission]);
        Assert.Equal(4, kinds[ExchangeObjectKind.MailboxPermission]);
        Assert.Equal(1, kinds[ExchangeObjectKind.Unknown]);
        Assert.Equal(readings.Count - 1, readings.Count(reading => reading.IsRead));
    }

    [Fact]
    public void An_unknown_object_is_told_what_was_expected_and_which_properties_it_had()
    {
        var stranger = LiveExchangeObjects.Object(["System.Diagnostics.Process", "System.Object"], ("Name", "pwsh"), ("Id", 4711), ("Handles", 812));

        ExchangeReading reading = ExchangeObjectReader.Read(stranger, Fabrikam);

        Assert.Equal(ExchangeObjectKind.Unknown, reading.Kind);
        Assert.Null(reading.Facts);
        Assert.Equal(
            "Expected an object from Get-InboxRule, Get-Mailbox/Get-EXOMailbox, Get-MailboxPermission, Get-RecipientPermission, " +
            "Get-MailboxFolderPermission or Get-CASMailbox; this object of type System.Diagnostics.Process has the properties Name, Id, Handles.",
            reading.Problem);
    }

    [Fact]
    public void An_empty_csv_row_is_unknown_with_no_properties()
    {
        ExchangeReading reading = ExchangeObjectReader.Read(new PSObject(), Fabrikam);

        Assert.Equal(ExchangeObjectKind.Unknown, reading.Kind);
        Assert.EndsWith("; this object has no properties.", reading.Problem);
    }
}

using System.Management.Automation;
using System.Text;
using IdentityContainment.Detection.Mailbox;
using IdentityContainment.Mailboxes.Exchange;

namespace IdentityContainment.Engine.Tests.Mailbox.Exchange;

/// <summary>
/// The bec-finance scenario's Exchange objects from tests/Fixtures/Exchange/bec-finance (written by real pwsh: see
/// New-BecFinanceFixtures.ps1), loaded the way PowerShell would load them: Import-Clixml's deserializer, and rows of
/// strings as Import-Csv makes them.
/// </summary>
internal static class BecFinanceExchangeFixtures
{
    public static readonly MailDomains Fabrikam = new(new[] { "fabrikam.com", "fabrikam.onmicrosoft.com" });

    public const string NestorObjectId = "3a9f8e7d-6c5b-4a49-8382-716a5b4c3d2e";

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Exchange", "bec-finance");

    /// <summary>What Import-Clixml returns for the file: PSSerializer is the deserializer it uses.</summary>
    public static IReadOnlyList<PSObject> Clixml(string fileName) =>
        PSSerializer.DeserializeAsList(File.ReadAllText(Path.Combine(Folder, fileName), Encoding.UTF8))
            .Select(item => item as PSObject ?? new PSObject(item))
            .ToList();

    /// <summary>What Import-Csv returns for the file: one object per row, every value a string.</summary>
    public static IReadOnlyList<PSObject> Csv(string fileName) => CsvRows.Parse(File.ReadAllText(Path.Combine(Folder, fileName), Encoding.UTF8));

    public static IReadOnlyList<ExchangeReading> Read(IEnumerable<PSObject> objects) =>
        objects.Select(item => ExchangeObjectReader.Read(item, Fabrikam)).ToList();

    public static T Facts<T>(ExchangeReading reading)
        where T : class
    {
        Assert.True(reading.IsRead, reading.Problem);
        return Assert.IsType<T>(reading.Facts);
    }

    public static InboxRuleFacts Rule(IEnumerable<ExchangeReading> readings, string name) =>
        readings.Select(Facts<InboxRuleFacts>).Single(rule => rule.Name == name);
}

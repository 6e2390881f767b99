using System.Globalization;
using IdentityContainment.Connection;
using IdentityContainment.Graph;
using IdentityContainment.Pipeline;

namespace IdentityContainment.Applications;

/// <summary>
/// The consents given since the compromise began, read once per run from the directory audit log. Without
/// AuditLog.Read.All (403) the hunt goes on without consent times, and says so once.
/// </summary>
public sealed class ConsentLog
{
    private readonly List<ConsentRecord> _consents;

    private ConsentLog(List<ConsentRecord> consents) => _consents = consents;

    public static ConsentLog Empty { get; } = new(new List<ConsentRecord>());

    public int Count => _consents.Count;

    /// <summary>
    /// How long Entra ID keeps directory audit entries with a P1 or P2 licence, 7 days without (Microsoft Entra data
    /// retention, learn.microsoft.com/entra/identity/monitoring-health/reference-reports-data-retention): a consent older than
    /// this is not in the log, whatever -Since asks for.
    /// </summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    /// <summary>Every consent since <paramref name="since"/>; one warning, and an empty log, when the log cannot be read.</summary>
    public static async Task<ConsentLog> ReadAsync<T>(GraphConnection connection, DateTimeOffset since, IResultSink<T> results, CancellationToken cancellationToken)
    {
        if (DateTimeOffset.UtcNow - since > Retention)
        {
            results.Warn($"-Since is more than {Retention.TotalDays:0} days ago: the directory audit log keeps consents for {Retention.TotalDays:0} days (7 without an Entra ID P1 or P2 licence), so consents before {(DateTimeOffset.UtcNow - Retention).UtcDateTime:yyyy-MM-dd} have no time or consenter, and the rule for consents during the incident cannot see them.");
        }

        var consents = new List<ConsentRecord>();
        foreach (string activity in ConsentRecord.Activities)
        {
            string filter = $"activityDisplayName eq '{activity}' and activityDateTime ge {since.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}";
            await foreach (ListPage<ListRequest> page in connection.ReadListAsync(ListRequest.For("/auditLogs/directoryAudits?$filter=" + Uri.EscapeDataString(filter)), cancellationToken).ConfigureAwait(false))
            {
                consents.AddRange(page.Items.Select(ConsentRecord.Read).OfType<ConsentRecord>());
                if (page.Outcome is { IsComplete: false } failed)
                {
                    string why = failed.Error is { Status: 403 }
                        ? "the connection may not read the directory audit log (grant AuditLog.Read.All, and for a delegated sign-in the Reports Reader or Security Reader role)"
                        : $"reading the directory audit log failed ({failed})";
                    results.Warn($"Consent times are missing: {why}. Findings are judged without when and by whom each app was consented to.");
                    return new ConsentLog(consents);
                }
            }
        }

        return new ConsentLog(consents);
    }

    /// <summary>The latest consent the user gave the app for themselves (not an admin's consent for everyone).</summary>
    public ConsentRecord? ForUser(string clientServicePrincipalId, string userId) =>
        Latest(clientServicePrincipalId, c => !c.OnBehalfOfAll && string.Equals(c.ConsentedById, userId, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The latest consent on behalf of every user (an AllPrincipals grant). An admin consenting for themselves is
    /// IsAdminConsent without OnBehalfOfAll (CONTRACT §10's example), so it is not this.
    /// </summary>
    public ConsentRecord? ForEveryone(string clientServicePrincipalId) => Latest(clientServicePrincipalId, c => c.OnBehalfOfAll);

    /// <summary>The latest consent that granted the app permissions of its own (app-only, or given for the organisation).</summary>
    public ConsentRecord? ForApplicationPermission(string clientServicePrincipalId) => Latest(clientServicePrincipalId, c => c.IsAppOnly || c.OnBehalfOfAll);

    private ConsentRecord? Latest(string clientServicePrincipalId, Func<ConsentRecord, bool> matches) =>
        _consents
            .Where(c => string.Equals(c.ServicePrincipalId, clientServicePrincipalId, StringComparison.OrdinalIgnoreCase) && matches(c))
            .OrderByDescending(c => c.At)
            .FirstOrDefault();
}

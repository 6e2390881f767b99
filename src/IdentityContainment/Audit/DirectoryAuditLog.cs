using System.Globalization;
using System.Text.Json.Nodes;
using IdentityContainment.Connection;
using IdentityContainment.Graph;
using IdentityContainment.Pipeline;

namespace IdentityContainment.Audit;

/// <summary>
/// Reads entries of chosen activities from the directory audit log since a time: one filtered query per activity
/// (activityDisplayName eq and activityDateTime ge, both on the list page's filter table, CONTRACT §10), every page.
/// What a hunt reads once per run, so that a log it cannot read costs one warning and the hunt goes on without it.
/// </summary>
public static class DirectoryAuditLog
{
    /// <summary>
    /// How long Entra ID keeps directory audit entries with a P1 or P2 licence, 7 days without (Microsoft Entra data
    /// retention, learn.microsoft.com/entra/identity/monitoring-health/reference-reports-data-retention): an entry older
    /// than this is not in the log, whatever -Since asks for.
    /// </summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    /// <summary>
    /// Every entry of <paramref name="activities"/> since <paramref name="since"/>. A -Since beyond the retention is a
    /// warning; a log Graph refuses (403 without AuditLog.Read.All) is one warning and what was read until then.
    /// </summary>
    public static async Task<IReadOnlyList<JsonNode>> ReadAsync<T>(GraphConnection connection, IReadOnlyList<string> activities, DateTimeOffset since, DirectoryAuditPurpose purpose, IResultSink<T> results, CancellationToken cancellationToken)
    {
        if (connection is null || activities is null || purpose is null || results is null)
        {
            throw new ArgumentNullException(connection is null ? nameof(connection) : activities is null ? nameof(activities) : purpose is null ? nameof(purpose) : nameof(results));
        }

        if (DateTimeOffset.UtcNow - since > Retention)
        {
            results.Warn($"-Since is more than {Retention.TotalDays:0} days ago: the directory audit log keeps {purpose.Entries} for {Retention.TotalDays:0} days (7 without an Entra ID P1 or P2 licence), so {purpose.Entries} before {(DateTimeOffset.UtcNow - Retention).UtcDateTime:yyyy-MM-dd} {purpose.BeyondRetention}.");
        }

        var entries = new List<JsonNode>();
        foreach (string activity in activities)
        {
            string filter = $"activityDisplayName eq '{activity.Replace("'", "''")}' and activityDateTime ge {since.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}";
            await foreach (ListPage<ListRequest> page in connection.ReadListAsync(ListRequest.For("/auditLogs/directoryAudits?$filter=" + Uri.EscapeDataString(filter)), cancellationToken).ConfigureAwait(false))
            {
                entries.AddRange(page.Items);
                if (page.Outcome is { IsComplete: false } failed)
                {
                    string why = failed.Error is { Status: 403 }
                        ? "the connection may not read the directory audit log (grant AuditLog.Read.All, and for a delegated sign-in the Reports Reader or Security Reader role)"
                        : $"reading the directory audit log failed ({failed})";
                    results.Warn($"{purpose.WhenMissing}: {why}. {purpose.Consequence}");
                    return entries;
                }
            }
        }

        return entries;
    }
}

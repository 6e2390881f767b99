using System.Text.Json.Nodes;
using IdentityContainment.Audit;
using IdentityContainment.Connection;
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

    private static readonly DirectoryAuditPurpose Purpose = new(
        "consents",
        "have no time or consenter, and the rule for consents during the incident cannot see them",
        "Consent times are missing",
        "Findings are judged without when and by whom each app was consented to.");

    /// <summary>Every consent since <paramref name="since"/>; one warning, and an empty log, when the log cannot be read.</summary>
    public static async Task<ConsentLog> ReadAsync<T>(GraphConnection connection, DateTimeOffset since, IResultSink<T> results, CancellationToken cancellationToken)
    {
        IReadOnlyList<JsonNode> entries = await DirectoryAuditLog.ReadAsync(connection, ConsentRecord.Activities, since, Purpose, results, cancellationToken).ConfigureAwait(false);
        return new ConsentLog(entries.Select(ConsentRecord.Read).OfType<ConsentRecord>().ToList());
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

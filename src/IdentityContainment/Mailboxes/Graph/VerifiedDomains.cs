using IdentityContainment.Connection;
using IdentityContainment.Detection.Mailbox;
using IdentityContainment.Graph;
using IdentityContainment.Pipeline;

namespace IdentityContainment.Mailboxes.Graph;

/// <summary>
/// The tenant's verified domains (GET /domains, isVerified; Domain.Read.All per PERMS), read once per run however many
/// mailboxes ask, to the list's last page. When they cannot be read, the run goes on with none known (every target then
/// counts as external, the safe side) and says so once. Not an <see cref="OncePerRunLookup{TValue}"/>: that reads one
/// answer per key, and the domain list is a paged collection. One per run, shared by the Graph reader and whatever else
/// of the run judges addresses (Exchange objects piped in).
/// </summary>
public sealed class VerifiedDomains
{
    private readonly GraphConnection _connection;
    private readonly object _lock = new();
    private Task<MailDomains>? _read;

    public VerifiedDomains(GraphConnection connection) => _connection = connection;

    /// <summary>The domains, read on the first call; <paramref name="results"/> hears the one warning if they could not be.</summary>
    public Task<MailDomains> GetAsync<T>(IResultSink<T> results, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return _read ??= ReadAsync(results, cancellationToken);
        }
    }

    private async Task<MailDomains> ReadAsync<T>(IResultSink<T> results, CancellationToken cancellationToken)
    {
        const string Tenant = "the tenant";
        string? problem;
        try
        {
            IReadOnlyList<WholeList<string>> lists = await _connection.Batch.ReadWholeListsAsync(new[] { new ListRead<string>(Tenant, "/domains") }, cancellationToken).ConfigureAwait(false);
            WholeList<string> domains = lists[0];
            if (domains.IsComplete)
            {
                return new MailDomains(domains.Items.Where(d => GraphJson.Flag(d, "isVerified") == true).Select(d => GraphJson.Text(d, "id")).OfType<string>());
            }

            problem = GraphErrorTranslator.Translate(domains.Outcome, GraphOperation.ReadDomains, Tenant).Message;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            problem = GraphErrorTranslator.Unexpected(ex, GraphOperation.ReadDomains, Tenant).Message;
        }

        results.Warn($"The tenant's verified domains could not be read, so every address an inbox rule sends mail to counts as external. {problem}");
        return MailDomains.Unknown;
    }
}

using IdentityContainment.Graph;

namespace IdentityContainment.Applications;

/// <summary>
/// How many users consented to each app, as far as the rules care: one or two is rare for a real business app. Only the
/// first small page of each app's grants is read (20 apps to a batch), since past a handful the number no longer
/// matters; each app is counted once per run.
/// </summary>
public sealed class ConsenterCounts
{
    /// <summary>Grants looked at per app: enough to tell "one or two users" from "several".</summary>
    private const int Sample = 10;

    private readonly OncePerRunLookup<int?> _lookup;

    public ConsenterCounts(GraphBatchClient batch) =>
        _lookup = new OncePerRunLookup<int?>(
            batch,
            id => new GraphBatchItem("GET", $"/oauth2PermissionGrants?$filter={Uri.EscapeDataString($"clientId eq '{id}'")}&$select=principalId,consentType&$top={Sample}"),
            Count);

    /// <summary>Each app's number of consenting users (capped past <see cref="Sample"/>), null when it could not be read.</summary>
    public Task<IReadOnlyDictionary<string, int?>> CountAsync(IEnumerable<string> clientIds, CancellationToken cancellationToken) =>
        _lookup.LookUpAsync(clientIds, cancellationToken);

    private static int? Count(GraphBatchResult answer)
    {
        if (!answer.IsSuccess)
        {
            return null;
        }

        CollectionPage page = CollectionPage.Read(answer.Body);
        int users = page.Items
            .Where(g => string.Equals(GraphJson.Text(g, "consentType"), "Principal", StringComparison.OrdinalIgnoreCase))
            .Select(g => GraphJson.Text(g, "principalId"))
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Count();

        // More pages mean more grants than the sample: as many as matter.
        return page.NextLink is null ? users : Math.Max(users, Sample);
    }
}

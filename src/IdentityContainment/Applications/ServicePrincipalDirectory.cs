using IdentityContainment.Detection.OAuth;
using IdentityContainment.Graph;

namespace IdentityContainment.Applications;

/// <summary>Every service principal a run meets (grants name their client and resource by object id), each read once.</summary>
public sealed class ServicePrincipalDirectory
{
    private readonly OncePerRunLookup<ServicePrincipalLookup> _lookup;

    public ServicePrincipalDirectory(GraphBatchClient batch) =>
        _lookup = new OncePerRunLookup<ServicePrincipalLookup>(
            batch,
            id => new GraphBatchItem("GET", $"/servicePrincipals/{Uri.EscapeDataString(id)}?$select={ServicePrincipalJson.Select}"),
            answer => answer.IsSuccess && answer.Body is { } body
                ? new ServicePrincipalLookup(ServicePrincipalJson.Read(body), null)
                : new ServicePrincipalLookup(null, answer.Error));

    /// <summary>Service principals read from Graph so far (each at most once).</summary>
    public int Read => _lookup.Read;

    /// <summary>Each id's service principal, or why it could not be read.</summary>
    public Task<IReadOnlyDictionary<string, ServicePrincipalLookup>> LookUpAsync(IEnumerable<string> ids, CancellationToken cancellationToken) =>
        _lookup.LookUpAsync(ids, cancellationToken);
}

/// <summary>One service principal as read, or the error Graph gave instead.</summary>
public sealed record ServicePrincipalLookup(ServicePrincipalFacts? ServicePrincipal, GraphError? Error);

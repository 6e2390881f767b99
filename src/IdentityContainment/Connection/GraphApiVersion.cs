using IdentityContainment.Errors;

namespace IdentityContainment.Connection;

/// <summary>
/// The module speaks Graph v1.0 only: every path and shape it relies on is v1.0's, and beta changes without notice. An
/// endpoint without its version would otherwise fail at the first call with Graph's bare "Resource not found".
/// </summary>
public static class GraphApiVersion
{
    public const string Supported = "v1.0";

    /// <summary>Returns <paramref name="endpoint"/> when its path ends in /v1.0; otherwise says what to pass instead.</summary>
    public static Uri Require(Uri endpoint)
    {
        string[] segments = endpoint.AbsolutePath.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
        string? last = segments.LastOrDefault();
        if (string.Equals(last, Supported, StringComparison.OrdinalIgnoreCase))
        {
            return endpoint;
        }

        // The suggestion keeps the host and any path before a version (a proxy's), and puts v1.0 where a version was.
        bool wrongVersion = last is not null && IsVersion(last);
        IEnumerable<string> prefix = segments.TakeWhile(segment => !IsVersion(segment));
        string withVersion = $"{endpoint.GetLeftPart(UriPartial.Authority)}/{string.Join("/", prefix.Append(Supported))}";
        string reason = last is null
            ? "names no Graph API version"
            : wrongVersion
                ? $"names the Graph API version '{last}'; this module is built and tested against {Supported} only (beta changes without notice)"
                : $"does not end in a Graph API version ('{last}' is not one)";
        throw new ContainmentException(
            ContainmentErrorKind.InvalidArgument,
            "GraphEndpointVersionUnsupported",
            $"-GraphEndpoint '{endpoint.AbsoluteUri.TrimEnd('/')}' {reason}. Give the endpoint with /{Supported} at the end, for example -GraphEndpoint {withVersion}.",
            endpoint.AbsoluteUri);
    }

    private static bool IsVersion(string segment) =>
        string.Equals(segment, "beta", StringComparison.OrdinalIgnoreCase) || (segment.Length > 1 && (segment[0] is 'v' or 'V') && char.IsDigit(segment[1]));
}

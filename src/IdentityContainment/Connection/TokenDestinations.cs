using Azure.Identity;
using IdentityContainment.Errors;

namespace IdentityContainment.Connection;

/// <summary>
/// Where a token may go. A token a credential obtains (managed identity, secret, certificate, a person's sign-in) goes
/// only to the cloud's own Microsoft Graph or to this machine (a sandbox tenant): whoever can choose -GraphEndpoint must
/// not be able to receive it. Only a token the caller already holds (-AccessToken) may go to another endpoint.
/// </summary>
public static class TokenDestinations
{
    /// <summary>The Entra sign-in hosts Azure.Identity knows (AzureAuthorityHosts; the German cloud closed in 2021).</summary>
    private static readonly Uri[] KnownAuthorities =
    {
        AzureAuthorityHosts.AzurePublicCloud,
        AzureAuthorityHosts.AzureGovernment,
        AzureAuthorityHosts.AzureChina,
    };

    /// <summary>Whether a request may carry the connection's token: same scheme, host and port as the Graph endpoint,
    /// and https unless both are on this machine.</summary>
    public static bool MayCarryToken(Uri request, Uri graphEndpoint) =>
        request.IsAbsoluteUri
        && SameOrigin(request, graphEndpoint)
        && (request.Scheme == Uri.UriSchemeHttps || EndpointRules.IsLoopback(request));

    /// <summary>Same scheme, host and port: the origin a token was meant for.</summary>
    public static bool SameOrigin(Uri first, Uri second) =>
        string.Equals(first.Scheme, second.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(first.IdnHost, second.IdnHost, StringComparison.OrdinalIgnoreCase)
        && first.Port == second.Port;

    /// <summary>Refuses a -GraphEndpoint that a credential's token must not be sent to.</summary>
    public static void RequireGraphEndpointFor(AuthenticationMethod method, CloudEndpoints cloud, Uri graphEndpoint)
    {
        if (method == AuthenticationMethod.AccessToken || EndpointRules.IsLoopback(graphEndpoint) || IsCloudGraph(cloud, graphEndpoint))
        {
            return;
        }

        throw new ContainmentException(
            ContainmentErrorKind.InvalidArgument,
            "GraphEndpointNotAllowedForSignIn",
            $"-GraphEndpoint '{graphEndpoint.AbsoluteUri}' is neither Microsoft Graph of the {cloud.Environment} cloud ({cloud.GraphEndpoint.GetLeftPart(UriPartial.Authority)}) nor this machine, "
            + $"and {method} sign-in would send the token it obtains there. Leave -GraphEndpoint out (choose the cloud with -Environment), "
            + "or connect with -AccessToken and a token you already hold for that endpoint.",
            graphEndpoint.AbsoluteUri);
    }

    /// <summary>Refuses an -AuthorityHost that is not a known Entra sign-in host or this machine.</summary>
    public static void RequireKnownAuthority(Uri authorityHost)
    {
        if (authorityHost.Scheme == Uri.UriSchemeHttps
            && (EndpointRules.IsLoopback(authorityHost) || KnownAuthorities.Any(known => SameOrigin(known, authorityHost))))
        {
            return;
        }

        throw new ContainmentException(
            ContainmentErrorKind.InvalidArgument,
            "AuthorityHostNotKnown",
            $"-AuthorityHost '{authorityHost.AbsoluteUri}' is not a Microsoft Entra sign-in host, so a client secret or certificate assertion would be sent to it. "
            + $"Use one of {string.Join(", ", KnownAuthorities.Select(a => a.AbsoluteUri))} (or leave it out: -Environment picks it), or https on this machine for a sandbox tenant.",
            authorityHost.AbsoluteUri);
    }

    private static bool IsCloudGraph(CloudEndpoints cloud, Uri graphEndpoint) =>
        graphEndpoint.Scheme == Uri.UriSchemeHttps && SameOrigin(cloud.GraphEndpoint, graphEndpoint);
}

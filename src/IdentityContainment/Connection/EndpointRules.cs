using System.Net;
using IdentityContainment.Errors;

namespace IdentityContainment.Connection;

/// <summary>
/// Which endpoints the module will send tokens to: https anywhere, plain http only to this machine (a sandbox tenant),
/// so a typo can never send a bearer token across a network in clear text.
/// </summary>
public static class EndpointRules
{
    public static Uri ValidateGraphEndpoint(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ContainmentException(
                ContainmentErrorKind.InvalidArgument,
                "GraphEndpointNotAbsolute",
                $"-GraphEndpoint '{value}' is not an absolute http(s) URL. Give the full address including the version, for example https://graph.microsoft.com/v1.0.",
                value);
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
        {
            throw new ContainmentException(
                ContainmentErrorKind.InvalidArgument,
                "GraphEndpointNotHttps",
                $"-GraphEndpoint '{value}' uses http to a host other than this machine; tokens would cross the network in clear text. Use https (http is allowed only for 127.0.0.1, ::1 or localhost).",
                value);
        }

        return new Uri(uri.AbsoluteUri.TrimEnd('/'));
    }

    public static Uri ValidateAuthorityHost(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new ContainmentException(
                ContainmentErrorKind.InvalidArgument,
                "AuthorityHostNotHttps",
                $"-AuthorityHost '{value}' is not an absolute https URL, for example https://login.microsoftonline.com/. Sign-in authorities are always https.",
                value);
        }

        TokenDestinations.RequireKnownAuthority(uri);
        return uri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out IPAddress? address) && IPAddress.IsLoopback(address));
}

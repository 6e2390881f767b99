using System.Net.Http.Headers;
using Azure.Core;
using IdentityContainment.Connection;

namespace IdentityContainment.Graph;

/// <summary>
/// Puts the Graph token on requests to the connection's own Graph endpoint (same scheme, host and port; plain http only
/// on this machine) and on no other: a redirect, a next link or an operation Location that points elsewhere goes out
/// without it. The credential (MSAL underneath) caches and renews tokens, so each call asks it again rather than keeping
/// a copy of the token here.
/// </summary>
internal sealed class BearerTokenHandler : DelegatingHandler
{
    private readonly TokenCredential _credential;
    private readonly TokenRequestContext _tokenRequest;
    private readonly Uri _graphEndpoint;

    public BearerTokenHandler(TokenCredential credential, IReadOnlyList<string> scopes, Uri graphEndpoint)
    {
        _credential = credential;
        _tokenRequest = new TokenRequestContext(scopes.ToArray());
        _graphEndpoint = graphEndpoint;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } target && TokenDestinations.MayCarryToken(target, _graphEndpoint))
        {
            AccessToken token = await _credential.GetTokenAsync(_tokenRequest, cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        }
        else
        {
            // A header set upstream (the SDK copies headers into redirects) must not leave either.
            request.Headers.Authorization = null;
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}

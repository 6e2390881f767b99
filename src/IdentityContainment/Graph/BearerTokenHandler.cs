using System.Net.Http.Headers;
using Azure.Core;

namespace IdentityContainment.Graph;

/// <summary>
/// Puts a Graph token on every request. The credential (MSAL underneath) caches and renews tokens, so each call asks
/// it again rather than keeping a copy of the token here.
/// </summary>
internal sealed class BearerTokenHandler : DelegatingHandler
{
    private readonly TokenCredential _credential;
    private readonly TokenRequestContext _tokenRequest;

    public BearerTokenHandler(TokenCredential credential, IReadOnlyList<string> scopes)
    {
        _credential = credential;
        _tokenRequest = new TokenRequestContext(scopes.ToArray());
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        AccessToken token = await _credential.GetTokenAsync(_tokenRequest, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}

using System.Security;
using Azure.Core;

namespace IdentityContainment.Connection;

/// <summary>A ready access token (from Get-AzAccessToken, another tool or a pipeline) used as it is until it expires.</summary>
internal sealed class StaticTokenCredential : TokenCredential
{
    private readonly AccessToken _token;

    private StaticTokenCredential(AccessToken token) => _token = token;

    public static StaticTokenCredential From(SecureString accessToken)
    {
        string token = SecureStrings.Reveal(accessToken).Trim();
        DateTimeOffset expiresOn = AccessTokenInfo.Parse(token).ExpiresOn ?? DateTimeOffset.MaxValue;
        return new StaticTokenCredential(new AccessToken(token, expiresOn));
    }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => _token;

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(_token);
}

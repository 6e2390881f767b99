using Azure.Core;
using Azure.Core.Pipeline;

namespace IdentityContainment.Containment;

/// <summary>
/// Counts a vault's answer only when it answered a request that carried our token. Key Vault challenges a request
/// without a token (401 with WWW-Authenticate) and the client then signs in; a host that answers the token-less request
/// with anything else (a 404 that looks like "no such secret", a 200 that looks like "stored") never authenticated us,
/// so its answer proves nothing and is turned into <see cref="VaultNeverChallengedException"/>. Placed just before
/// the transport, after the client's own challenge handling has set (or not set) the Authorization header.
/// </summary>
internal sealed class ChallengedAnswerPolicy : HttpPipelinePolicy
{
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ProcessNext(message, pipeline);
        RequireAuthenticatedAnswer(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        RequireAuthenticatedAnswer(message);
    }

    private static void RequireAuthenticatedAnswer(HttpMessage message)
    {
        if (message.HasResponse && message.Response.Status != 401 && !message.Request.Headers.Contains(HttpHeader.Names.Authorization))
        {
            throw new VaultNeverChallengedException(message.Request.Uri.ToUri(), message.Response.Status);
        }
    }
}

/// <summary>A host answered a vault request that carried no token with something other than a challenge.</summary>
internal sealed class VaultNeverChallengedException : Exception
{
    public VaultNeverChallengedException(Uri request, int status)
        : base($"{request.GetLeftPart(UriPartial.Authority)} answered {status} to a request without a token instead of asking for one (401 with a Bearer challenge), as Key Vault does; it never authenticated this connection.")
    {
    }
}

using System.Buffers.Text;

namespace IdentityContainment.Sandbox;

/// <summary>
/// Graph's oAuth2PermissionGrant ids are the client and resource object ids in base64url, followed for a Principal
/// grant by the user's object id in base64url: an AllPrincipals grant's id is a prefix of the same app's Principal grant
/// ids (observed in real listings, azure-cli issue 20974). The sandbox makes the ids of the grants it creates that way.
/// (Some hand-written scenario grants predate this and encode the three ids in one piece; ids are opaque to clients.)
/// </summary>
internal static class PermissionGrantIds
{
    public static string For(string clientId, string resourceId, string? principalId)
    {
        Span<byte> bytes = stackalloc byte[48];
        Guid.Parse(clientId).TryWriteBytes(bytes[..16]);
        Guid.Parse(resourceId).TryWriteBytes(bytes[16..32]);
        Guid.Parse(principalId ?? Guid.Empty.ToString()).TryWriteBytes(bytes[32..]);
        var clientAndResource = Base64Url.EncodeToString(bytes[..32]);
        return principalId is null ? clientAndResource : clientAndResource + Base64Url.EncodeToString(bytes[32..]);
    }
}

using System.Buffers.Text;

namespace IdentityContainment.Sandbox;

/// <summary>
/// Graph's oAuth2PermissionGrant ids are the client, resource and (for Principal grants) user object ids, written
/// together in base64url: an AllPrincipals grant's id is a prefix of the same app's Principal grant ids (observed in
/// real listings, azure-cli issue 20974). The sandbox makes the ids of the grants it creates the same way.
/// </summary>
internal static class PermissionGrantIds
{
    public static string For(string clientId, string resourceId, string? principalId)
    {
        Span<byte> bytes = stackalloc byte[48];
        Guid.Parse(clientId).TryWriteBytes(bytes[..16]);
        Guid.Parse(resourceId).TryWriteBytes(bytes[16..32]);
        if (principalId is null)
            return Base64Url.EncodeToString(bytes[..32]);
        Guid.Parse(principalId).TryWriteBytes(bytes[32..]);
        return Base64Url.EncodeToString(bytes);
    }
}

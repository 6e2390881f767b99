using System.Buffers.Text;

namespace IdentityContainment.Sandbox;

/// <summary>
/// Graph's appRoleAssignment ids begin with the principal's object id in base64url (05-* examples: "41W1zT6z..." is
/// principal cdb555e3-...). The rest is the sandbox's own, stable for the same principal, resource and role.
/// </summary>
internal static class AppRoleAssignmentIds
{
    public static string For(string principalId, string resourceId, string appRoleId)
    {
        Span<byte> bytes = stackalloc byte[32];
        Guid.Parse(principalId).TryWriteBytes(bytes[..16]);
        Guid.Parse(StableGuid.From($"{resourceId}/{appRoleId.ToLowerInvariant()}")).TryWriteBytes(bytes[16..]);
        return Base64Url.EncodeToString(bytes);
    }
}

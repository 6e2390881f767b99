using System.Security.Cryptography;
using System.Text;

namespace IdentityContainment.Sandbox;

/// <summary>GUIDs derived from text, for ids the sandbox must invent but keep the same from run to run.</summary>
internal static class StableGuid
{
    public static string From(string seed) => new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(seed)).AsSpan(0, 16)).ToString();
}

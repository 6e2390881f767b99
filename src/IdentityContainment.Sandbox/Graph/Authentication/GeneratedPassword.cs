using System.Security.Cryptography;

namespace IdentityContainment.Sandbox;

/// <summary>The temporary password Entra makes up when resetPassword is called without newPassword.</summary>
internal static class GeneratedPassword
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";

    /// <summary>
    /// Shaped like the documented example ("Cuyo5459": a capital, three small letters, four digits),
    /// which satisfies the cloud complexity rule (three character classes, eight characters).
    /// </summary>
    public static string Create() =>
        string.Concat(
            Upper[RandomNumberGenerator.GetInt32(Upper.Length)].ToString(),
            string.Concat(Enumerable.Range(0, 3).Select(_ => Lower[RandomNumberGenerator.GetInt32(Lower.Length)])),
            RandomNumberGenerator.GetInt32(10_000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
}

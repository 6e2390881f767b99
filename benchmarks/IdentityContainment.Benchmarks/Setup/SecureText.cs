using System.Security;

namespace IdentityContainment.Benchmarks.Setup;

/// <summary>A token as the engine's ConnectionRequest takes it (the module's own helper is internal to the module).</summary>
internal static class SecureText
{
    public static SecureString From(string text)
    {
        var secure = new SecureString();
        foreach (char c in text)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }
}

using System.Runtime.InteropServices;
using System.Security;

namespace IdentityContainment.Connection;

/// <summary>The one place a SecureString is turned back into text, right where a credential needs it.</summary>
internal static class SecureStrings
{
    public static string Reveal(SecureString value)
    {
        IntPtr pointer = IntPtr.Zero;
        try
        {
            pointer = Marshal.SecureStringToGlobalAllocUnicode(value);
            return Marshal.PtrToStringUni(pointer) ?? string.Empty;
        }
        finally
        {
            if (pointer != IntPtr.Zero)
            {
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }
    }

    public static SecureString Protect(string value) => Protect(value.ToCharArray());

    public static SecureString Protect(char[] value)
    {
        var secure = new SecureString();
        foreach (char c in value)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }
}

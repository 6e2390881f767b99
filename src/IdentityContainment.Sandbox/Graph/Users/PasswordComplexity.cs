namespace IdentityContainment.Sandbox;

/// <summary>Entra's password rule for cloud accounts: 8 to 256 characters, and three of the four character classes.</summary>
internal static class PasswordComplexity
{
    public const string Violation =
        "The specified password does not comply with password complexity requirements. Please provide a different password.";

    public static bool IsAcceptable(string password)
    {
        if (password.Length is < 8 or > 256)
            return false;
        var classes = 0;
        if (password.Any(char.IsAsciiLetterLower))
            classes++;
        if (password.Any(char.IsAsciiLetterUpper))
            classes++;
        if (password.Any(char.IsAsciiDigit))
            classes++;
        if (password.Any(c => !char.IsAsciiLetterOrDigit(c)))
            classes++;
        return classes >= 3;
    }
}

using System.Text.RegularExpressions;

namespace IdentityContainment.Connection;

/// <summary>
/// The sentence of a sign-in failure worth showing: Entra's own AADSTS message (what the portal and Microsoft's docs
/// are indexed by), which MSAL buries in an inner exception behind generic advice.
/// </summary>
internal static class SignInFailureText
{
    private static readonly Regex EntraError = new(@"AADSTS\d+:.*?(?=\s+Trace ID:|\r|\n|$)", RegexOptions.Singleline);

    public static string Describe(Exception failure)
    {
        for (Exception? current = failure; current is not null; current = current.InnerException)
        {
            Match match = EntraError.Match(current.Message);
            if (match.Success)
            {
                return match.Value.Trim();
            }
        }

        return FirstLine(failure.InnerException?.Message ?? failure.Message);
    }

    public static string FirstLine(string message)
    {
        string line = message.Split('\n')[0].Trim();
        return line.EndsWith(".", StringComparison.Ordinal) ? line : line + ".";
    }
}

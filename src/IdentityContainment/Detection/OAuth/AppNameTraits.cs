using System.Globalization;
using System.Text;

namespace IdentityContainment.Detection.OAuth;

/// <summary>
/// Reads an app's display name the way a victim sees it: case, punctuation, spacing, invisible characters and
/// look-alike letters from other scripts do not hide a name that imitates Microsoft or says nothing at all.
/// </summary>
public static class AppNameTraits
{
    /// <summary>Words a consent-phishing app borrows to look like part of Microsoft 365.</summary>
    private static readonly string[] MicrosoftWords =
    {
        "microsoft", "office", "outlook", "onedrive", "teams", "sharepoint", "exchange", "azure", "windows", "defender", "security", "o365", "m365", "office365",
    };

    /// <summary>Names that say nothing about what the app is.</summary>
    private static readonly HashSet<string> Placeholders = new(StringComparer.Ordinal)
    {
        "test", "testapp", "testing", "app", "myapp", "newapp", "demo", "sample", "application", "default", "temp", "untitled", "asdf", "qwerty",
    };

    /// <summary>Letters from Cyrillic and Greek drawn like Latin ones, and digits drawn like letters.</summary>
    private static readonly Dictionary<char, char> LookAlikes = new()
    {
        ['а'] = 'a', ['е'] = 'e', ['о'] = 'o', ['р'] = 'p', ['с'] = 'c', ['х'] = 'x', ['у'] = 'y', ['і'] = 'i', ['ѕ'] = 's', ['ј'] = 'j', ['ԁ'] = 'd', ['ӏ'] = 'l', ['һ'] = 'h', ['ո'] = 'n', ['т'] = 't', ['к'] = 'k', ['м'] = 'm', ['в'] = 'b', ['н'] = 'h',
        ['α'] = 'a', ['ο'] = 'o', ['ε'] = 'e', ['ι'] = 'i', ['κ'] = 'k', ['ν'] = 'v', ['ρ'] = 'p', ['τ'] = 't', ['υ'] = 'u', ['χ'] = 'x', ['μ'] = 'u',
    };

    private static readonly Dictionary<char, char> DigitLookAlikes = new() { ['0'] = 'o', ['1'] = 'l', ['3'] = 'e', ['5'] = 's', ['7'] = 't', ['@'] = 'a', ['$'] = 's' };

    /// <summary>
    /// The name folded for comparison: compatibility forms (full-width, ligatures) unfolded, accents dropped, look-alike
    /// letters mapped to Latin, lower case, and everything but letters and digits removed.
    /// </summary>
    public static string Fold(string? name, bool digitsAsLetters = false)
    {
        string decomposed = (name ?? string.Empty).Normalize(NormalizationForm.FormKD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (char raw in decomposed)
        {
            char c = char.ToLowerInvariant(raw);
            if (digitsAsLetters && DigitLookAlikes.TryGetValue(c, out char letter))
            {
                folded.Append(letter);
            }
            else if (LookAlikes.TryGetValue(c, out char latin))
            {
                folded.Append(latin);
            }
            else if (char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        return folded.ToString();
    }

    /// <summary>The Microsoft word the name imitates ("microsoft" in "Micr0s0ft Sеcurity"), or null.</summary>
    public static string? ImitatedMicrosoftWord(string? name)
    {
        string plain = Fold(name);
        string lettered = Fold(name, digitsAsLetters: true);
        return MicrosoftWords.FirstOrDefault(word => plain.Contains(word) || lettered.Contains(word));
    }

    /// <summary>
    /// Why a name says nothing, or null: empty, punctuation only, a placeholder ("Test", "App 1"), or a copy of a
    /// user's name (an app named after its victim).
    /// </summary>
    public static string? MeaninglessBecause(string? name, IEnumerable<string> userNames)
    {
        string folded = Fold(name);
        if (folded.Length == 0)
        {
            return "has no letters or digits in its name";
        }

        string withoutDigits = new(folded.Where(char.IsLetter).ToArray());
        if (Placeholders.Contains(withoutDigits) || withoutDigits.Length == 0)
        {
            return $"has a placeholder name ('{name}')";
        }

        foreach (string user in userNames)
        {
            string foldedUser = Fold(user);
            string localPart = user.IndexOf('@') is > 0 and int at ? Fold(user.Substring(0, at)) : string.Empty;
            if (foldedUser.Length > 0 && (folded == foldedUser || (localPart.Length > 2 && folded == localPart)))
            {
                return $"is named after a user ('{name}' copies '{user}')";
            }
        }

        return null;
    }
}

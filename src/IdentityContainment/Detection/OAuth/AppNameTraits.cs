using System.Globalization;
using System.Text;

namespace IdentityContainment.Detection.OAuth;

/// <summary>
/// Reads an app's display name the way a victim sees it: case, punctuation, spacing, invisible characters and
/// look-alike letters from other scripts do not hide a name that imitates Microsoft or says nothing at all.
/// </summary>
public static class AppNameTraits
{
    /// <summary>
    /// Microsoft's brands, distinctive enough to be found inside a run of letters ("Micr0softSecurity", "O.f.f.i.c.e").
    /// </summary>
    private static readonly string[] Brands = { "microsoft", "office365", "onedrive", "sharepoint", "outlook" };

    /// <summary>
    /// Product names that are also ordinary words or parts of them ("Steam", "Abnormal Security"): counted only as whole
    /// words of the name.
    /// </summary>
    private static readonly string[] ProductWords = { "office", "teams", "exchange", "azure", "windows", "defender", "o365", "m365" };

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

    /// <summary>
    /// The Microsoft brand or product the name borrows ("microsoft" in "Micr0s0ft Sеcurity"), or null. Brands are
    /// found inside the folded name, so spacing, punctuation and look-alikes do not hide them; product words only as
    /// whole words, and a run of single letters ("O.f.f.i.c.e") counts as one word.
    /// </summary>
    public static string? ImitatedMicrosoftWord(string? name)
    {
        string plain = Fold(name);
        string lettered = Fold(name, digitsAsLetters: true);
        if (Brands.FirstOrDefault(brand => plain.Contains(brand) || lettered.Contains(brand)) is { } brand)
        {
            return brand;
        }

        HashSet<string> words = Words(name);
        return ProductWords.FirstOrDefault(words.Contains);
    }

    /// <summary>The name's words, folded, each also with look-alike digits read as letters; runs of single letters joined.</summary>
    private static HashSet<string> Words(string? name)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var letters = new System.Text.StringBuilder();
        foreach (string raw in (name ?? string.Empty).Normalize(NormalizationForm.FormKC).Split(new[] { ' ', '.', '-', '_', ',', ':', '|', '/', '(', ')' }, StringSplitOptions.RemoveEmptyEntries))
        {
            string word = Fold(raw);
            if (word.Length == 1)
            {
                letters.Append(word);
                continue;
            }

            words.Add(word);
            words.Add(Fold(raw, digitsAsLetters: true));
        }

        words.Add(letters.ToString());
        return words;
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

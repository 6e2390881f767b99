using System.Globalization;

namespace IdentityContainment.Detection.Mailbox;

/// <summary>
/// What an inbox rule's name says about who wrote it. People name their rules after what they do ("Newsletter",
/// "From my manager", "HR", "VIP"); attackers pick names nobody reads twice: ".", "..", "a", a string of random
/// letters. Kept conservative: a short name made of letters and digits is an abbreviation, not junk.
/// </summary>
public static class RuleNameTraits
{
    /// <summary>Hidden rules Exchange keeps for itself (junk mail filtering, out-of-office), never the user's or an attacker's.</summary>
    public static bool IsSystemRule(string? name)
    {
        string text = (name ?? string.Empty).Trim();
        return string.Equals(text, "Junk E-Mail Rule", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("Microsoft.Exchange.OOF.", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Why the name looks like it was chosen not to be noticed, or null for an ordinary name.</summary>
    public static string? JunkBecause(string? name)
    {
        string text = (name ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            return "has no name";
        }

        if (!text.Any(char.IsLetterOrDigit))
        {
            return $"is named '{text}', only punctuation";
        }

        int length = new StringInfo(text).LengthInTextElements;
        if (length == 1)
        {
            return $"is named '{text}', a single character";
        }

        // "HR", "VIP", "Q4" are abbreviations people file by; "a.", "-1" are not.
        if (length <= 3 && !text.All(char.IsLetterOrDigit))
        {
            return $"is named '{text}', a few characters and punctuation";
        }

        return LooksRandom(text) ? $"is named '{text}', a string that looks random" : null;
    }

    /// <summary>
    /// One token of six or more letters and digits that no language would write: no vowel at all, or letters and digits
    /// alternating again and again ("xkqzrt", "a8f3k2q9"). Words with long consonant runs ("Angstschweiß") have vowels;
    /// "Rechnungen2024" switches from letters to digits once.
    /// </summary>
    private static bool LooksRandom(string text)
    {
        if (text.Length < 6 || !text.All(char.IsLetterOrDigit))
        {
            return false;
        }

        string letters = new(text.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());
        bool noVowel = letters.Length >= 5 && letters.IndexOfAny("aeiouyäöüéèáàíóúåæø".ToCharArray()) < 0;
        int switches = 0;
        for (int i = 1; i < text.Length; i++)
        {
            if (char.IsDigit(text[i]) != char.IsDigit(text[i - 1]))
            {
                switches++;
            }
        }

        return noVowel || switches >= 4;
    }
}

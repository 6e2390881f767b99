namespace IdentityContainment.Detection.Mailbox;

/// <summary>
/// Words an attacker's rule watches for: money (to hijack a payment) and security (to hide the warning that would give
/// them away). From DETECTION.md's list, with the same words in the languages the folder names cover, since a German
/// finance mailbox gets "Rechnung", not "invoice".
/// </summary>
public static class SensitiveWords
{
    /// <summary>Found anywhere inside a rule's condition, ignoring case: the condition "Invoices" contains "invoice".</summary>
    private static readonly string[] Substrings =
    {
        "invoice", "payment", "wire", "transfer", "bank", "routing", "remittance", "payroll", "docusign", "password", "helpdesk",
        "help desk", "security", "alert", "suspicious", "phishing", "hacked", "compromise", "fraud", "scam", "do not click", "bitcoin",
        "crypto", "venmo", "zelle",
        "rechnung", "zahlung", "überweisung", "passwort", "sicherheit", "facture", "paiement", "virement", "factura", "pago",
        "transferencia", "fattura", "pagamento", "bonifico", "faktura", "betalning", "betaling",
    };

    /// <summary>
    /// Words too short to look for inside other words: "ach" is in "Nachricht" and "Sachbearbeiter", so these count only
    /// where they stand alone in the condition ("ACH transfer", "W2-Formular", "MFA code").
    /// </summary>
    private static readonly string[] WholeWords = { "ach", "w2", "mfa" };

    /// <summary>The listed words the conditions contain, each once, in the list's order.</summary>
    public static string[] FoundIn(IEnumerable<string> conditions)
    {
        string[] written = conditions.Where(c => !string.IsNullOrWhiteSpace(c)).ToArray();
        return Substrings.Where(word => written.Any(c => c.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0))
            .Concat(WholeWords.Where(word => written.Any(c => ContainsWord(c, word))))
            .ToArray();
    }

    /// <summary>
    /// Conditions that match nearly every message: a single space, or a single vowel (alone or as "a;", "e;i;")
    /// seen in real cases to make a rule catch everything while looking like it filters.
    /// </summary>
    public static string[] CatchAllIn(IEnumerable<string> conditions) =>
        conditions.Where(IsCatchAll).Select(c => $"'{c}'").ToArray();

    private static bool IsCatchAll(string condition)
    {
        if (condition is null || condition.Length == 0)
        {
            return false;
        }

        if (condition == " ")
        {
            return true;
        }

        string[] vowels = condition.Split(';').Where(part => part.Length > 0).ToArray();
        return vowels.Length > 0 && vowels.All(part => part.Length == 1 && "aeiouAEIOU".IndexOf(part[0]) >= 0);
    }

    private static bool ContainsWord(string text, string word)
    {
        int from = 0;
        while (true)
        {
            int at = text.IndexOf(word, from, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return false;
            }

            int end = at + word.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }

            from = at + 1;
        }
    }
}

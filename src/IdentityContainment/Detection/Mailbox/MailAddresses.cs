namespace IdentityContainment.Detection.Mailbox;

/// <summary>
/// Reads an address the way Exchange and Graph write it: "smtp:ap@relay.example", "\"AP\" [SMTP:ap@relay.example]",
/// "AP &lt;ap@relay.example&gt;" or the plain address. Rules compare plain addresses, never the decorated text, so a
/// forward to the owner's own alias is recognised whichever form the source used.
/// </summary>
public static class MailAddresses
{
    /// <summary>The bare address inside <paramref name="written"/>, trimmed; the text itself when it holds no address (a display name).</summary>
    public static string Plain(string? written)
    {
        string text = (written ?? string.Empty).Trim();
        string inner = Between(text, '[', ']') ?? Between(text, '<', '>') ?? text;
        inner = inner.Trim().Trim('"', '\'').Trim();
        int colon = inner.IndexOf(':');

        // A proxy address carries its type before a colon ("smtp:", "SMTP:"); an address itself never has one.
        if (colon > 0 && inner.IndexOf('@') > colon)
        {
            inner = inner.Substring(colon + 1);
        }

        return inner.Trim();
    }

    /// <summary>True when the text holds a mail address (something@domain), not a display name or a phone number.</summary>
    public static bool IsAddress(string? written)
    {
        string plain = Plain(written);
        int at = plain.IndexOf('@');
        return at > 0 && at < plain.Length - 1;
    }

    /// <summary>True when <paramref name="written"/> is one of <paramref name="owners"/>, whatever form either is written in.</summary>
    public static bool IsOneOf(string? written, IEnumerable<string> owners)
    {
        string plain = Plain(written);
        return plain.Length > 0 && owners.Any(owner => string.Equals(Plain(owner), plain, StringComparison.OrdinalIgnoreCase));
    }

    private static string? Between(string text, char open, char close)
    {
        int start = text.LastIndexOf(open);
        int end = text.LastIndexOf(close);
        return start >= 0 && end > start + 1 ? text.Substring(start + 1, end - start - 1) : null;
    }
}

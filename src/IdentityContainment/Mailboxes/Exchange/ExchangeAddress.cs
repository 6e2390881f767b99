using System.Text.RegularExpressions;

namespace IdentityContainment.Mailboxes.Exchange;

/// <summary>
/// A recipient as Exchange writes it, reduced to what the rules compare: the SMTP address when there is one, else the
/// name Exchange resolves inside the organisation.
/// Forms: "Name" [SMTP:x@y] (rule targets), "Name" [EX:/o=...] and [EX:/o=...] (a directory recipient by its legacy DN),
/// smtp:x@y / SMTP:x@y (proxy addresses, ForwardingSmtpAddress), x@y, and a bare display name ("Finance Archive").
/// </summary>
public static class ExchangeAddress
{
    private static readonly Regex NameAndAddress = new(@"^(?:""(?<name>[^""]*)""|(?<name>[^\[]*?))\s*\[(?<address>[^\]]+)\]$", RegexOptions.CultureInvariant);

    // Only Exchange's address types: a display name may hold a colon too ("Team: Finance").
    private static readonly Regex ProxyPrefix = new(@"^(?<prefix>smtp|ex|x500|x400|sip|eum):(?<rest>.+)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>The SMTP address in <paramref name="text"/>; else the recipient's name (or legacy DN when it has no name); null for empty text.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string value = text!.Trim();
        Match named = NameAndAddress.Match(value);
        if (named.Success)
        {
            string name = named.Groups["name"].Value.Trim();
            string? address = WithoutPrefix(named.Groups["address"].Value.Trim(), out bool isSmtp);
            if (isSmtp && address is not null)
            {
                return address;
            }

            // An EX or X500 address names a directory recipient: inside the organisation, known to people by its name.
            return name.Length > 0 ? name : address;
        }

        string? plain = WithoutPrefix(value, out _);
        return plain is { Length: > 0 } ? plain.Trim('"') : null;
    }

    /// <summary>
    /// Where an inbox rule sends mail, each as <see cref="Normalize"/> gives it, except that a directory recipient (an EX
    /// or X500 address) keeps its legacy DN beside its name ("IT Support &lt;/o=...&gt;"): only a recipient of this
    /// organisation has one, and the rules must not take a colleague known by name alone for someone outside.
    /// </summary>
    public static IReadOnlyList<string> RuleTargets(IEnumerable<string> texts) =>
        texts.Select(RuleTarget).Where(target => target is not null).Select(target => target!).ToList();

    private static string? RuleTarget(string text)
    {
        Match named = NameAndAddress.Match(text?.Trim() ?? string.Empty);
        if (named.Success && WithoutPrefix(named.Groups["address"].Value.Trim(), out bool isSmtp) is { Length: > 0 } address && !isSmtp)
        {
            string name = named.Groups["name"].Value.Trim();
            return name.Length > 0 ? $"{name} <{address}>" : address;
        }

        return Normalize(text);
    }

    /// <summary>Each of <paramref name="texts"/> normalized, empty ones left out.</summary>
    public static IReadOnlyList<string> NormalizeAll(IEnumerable<string> texts) =>
        texts.Select(Normalize).Where(address => address is not null).Select(address => address!).ToList();

    /// <summary>
    /// The SMTP addresses among proxy addresses and plain addresses ("SMTP:a@b", "smtp:c@d", "e@f"), without their
    /// prefix; other address types (SIP, X500, EX) are left out.
    /// </summary>
    public static IReadOnlyList<string> SmtpAddresses(IEnumerable<string?> texts) =>
        texts
            .Where(text => !string.IsNullOrWhiteSpace(text))
            .Select(text => WithoutPrefix(text!.Trim(), out bool isSmtp) is { } address && isSmtp ? address : null)
            .Where(address => address is not null)
            .Select(address => address!)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    private static string? WithoutPrefix(string value, out bool isSmtp)
    {
        isSmtp = value.IndexOf('@') > 0;
        Match prefixed = ProxyPrefix.Match(value);
        if (!prefixed.Success)
        {
            return value;
        }

        string prefix = prefixed.Groups["prefix"].Value;
        string rest = prefixed.Groups["rest"].Value.Trim();
        isSmtp = string.Equals(prefix, "SMTP", StringComparison.OrdinalIgnoreCase);
        return rest;
    }
}

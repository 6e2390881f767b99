namespace IdentityContainment.Detection.Mailbox;

/// <summary>
/// The tenant's verified (accepted) domains, read once per run: an address in one of them, or in a subdomain of one,
/// stays inside the organisation; any other leaves it. With no domains known, nothing can be called internal, so
/// every target counts as external (the safe side for a containment tool).
/// </summary>
public sealed class MailDomains
{
    private readonly HashSet<string> _domains;

    public MailDomains(IEnumerable<string> verifiedDomains)
    {
        _domains = new HashSet<string>(
            (verifiedDomains ?? throw new ArgumentNullException(nameof(verifiedDomains))).Select(d => d.Trim().TrimEnd('.')).Where(d => d.Length > 0),
            StringComparer.OrdinalIgnoreCase);
    }

    public static readonly MailDomains Unknown = new(Array.Empty<string>());

    public IReadOnlyCollection<string> Domains => _domains;

    public bool IsKnown => _domains.Count > 0;

    /// <summary>
    /// True when the address's domain is one of the tenant's verified domains or a subdomain of one, or when it is an
    /// Exchange legacy DN ("/o=ExchangeLabs/..."), which only a recipient of this organisation's directory has.
    /// </summary>
    public bool IsInternal(string address)
    {
        if (address?.TrimStart().StartsWith("/o=", StringComparison.OrdinalIgnoreCase) == true)
        {
            return true;
        }

        int at = address?.LastIndexOf('@') ?? -1;
        if (at < 0 || at == address!.Length - 1)
        {
            return false;
        }

        string domain = address.Substring(at + 1).Trim().TrimEnd('.', '>', ']');
        while (domain.Length > 0)
        {
            if (_domains.Contains(domain))
            {
                return true;
            }

            int dot = domain.IndexOf('.');
            domain = dot < 0 ? string.Empty : domain.Substring(dot + 1);
        }

        return false;
    }
}

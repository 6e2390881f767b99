namespace IdentityContainment.Detection.Mailbox;

/// <summary>
/// The client protocols a legacy-protocol finding names in its Targets, each with the Set-CASMailbox parameter and
/// value that turn it off. One list, so the finding and its remedy cannot disagree.
/// </summary>
public static class LegacyProtocols
{
    public const string Imap = "IMAP";
    public const string Pop = "POP";
    public const string ActiveSync = "ActiveSync";
    public const string Ews = "EWS";
    public const string SmtpClientAuth = "SMTP client authentication";

    /// <summary>Protocol name, then the Set-CASMailbox parameter and the value that closes it, in the order a command line shows them.</summary>
    public static readonly IReadOnlyList<(string Protocol, string Parameter, bool ClosedValue)> Switches = new[]
    {
        (Imap, "ImapEnabled", false),
        (Pop, "PopEnabled", false),
        (ActiveSync, "ActiveSyncEnabled", false),
        (Ews, "EwsEnabled", false),
        (SmtpClientAuth, "SmtpClientAuthenticationDisabled", true),
    };

    /// <summary>The protocols the mailbox leaves open, in <see cref="Switches"/> order.</summary>
    public static string[] OpenIn(ClientAccessFacts mailbox) => Switches.Select(s => s.Protocol).Where(p => IsOpen(mailbox, p)).ToArray();

    /// <summary>
    /// True when Get-CASMailbox showed the protocol on. A value the object did not carry is not counted as on, except
    /// SMTP client authentication: there null means the organisation's setting applies, which the mailbox cannot tell.
    /// </summary>
    public static bool IsOpen(ClientAccessFacts mailbox, string protocol) => protocol switch
    {
        Imap => mailbox.ImapEnabled == true,
        Pop => mailbox.PopEnabled == true,
        ActiveSync => mailbox.ActiveSyncEnabled == true,
        Ews => mailbox.EwsEnabled == true,
        SmtpClientAuth => mailbox.SmtpClientAuthenticationDisabled != true,
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "Not a protocol of LegacyProtocols."),
    };
}

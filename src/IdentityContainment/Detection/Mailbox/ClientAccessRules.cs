namespace IdentityContainment.Detection.Mailbox;

/// <summary>
/// Client protocols left on (Get-CASMailbox): the paths basic-auth clients and app passwords use, which can outlast a
/// password reset. Most mailboxes have them on by default, so each is a small weight and all of them together stay
/// Low: an analyst sees them without being told the mailbox is compromised.
/// </summary>
public static class ClientAccessRules
{
    public static readonly RuleTable<ClientAccessFacts> Table = new(new[]
    {
        new DetectionRule<ClientAccessFacts>("ClientImapEnabled", 8, c => LegacyProtocols.IsOpen(c, LegacyProtocols.Imap), "IMAP is enabled: a mail client can download the whole mailbox"),
        new DetectionRule<ClientAccessFacts>("ClientPopEnabled", 8, c => LegacyProtocols.IsOpen(c, LegacyProtocols.Pop), "POP is enabled: a mail client can download the inbox"),
        new DetectionRule<ClientAccessFacts>("ClientActiveSyncEnabled", 5, c => LegacyProtocols.IsOpen(c, LegacyProtocols.ActiveSync), "ActiveSync is enabled: a phone can sync the mailbox"),
        new DetectionRule<ClientAccessFacts>("ClientEwsEnabled", 5, c => LegacyProtocols.IsOpen(c, LegacyProtocols.Ews), "EWS is enabled: a program can read and send mail through Exchange Web Services"),
        new DetectionRule<ClientAccessFacts>(
            "ClientSmtpAuthNotDisabled",
            8,
            c => LegacyProtocols.IsOpen(c, LegacyProtocols.SmtpClientAuth),
            c => c.SmtpClientAuthenticationDisabled is null
                ? "SMTP client authentication is not turned off for the mailbox; the organisation's setting decides whether a client can send with a password"
                : "SMTP client authentication is on: a client can send as the mailbox with a password"),
    });
}

namespace IdentityContainment.Detection.Mailbox;

/// <summary>
/// A mailbox's client protocols, from Get-CASMailbox. A null value means the object did not carry it (Get-EXOCASMailbox
/// without -PropertySets All leaves some out), which is not the same as off.
/// </summary>
public sealed record ClientAccessFacts
{
    public string Mailbox { get; init; } = string.Empty;

    public string? UserId { get; init; }

    public bool? ImapEnabled { get; init; }

    public bool? PopEnabled { get; init; }

    public bool? ActiveSyncEnabled { get; init; }

    public bool? EwsEnabled { get; init; }

    /// <summary>SmtpClientAuthenticationDisabled: null means the organisation's setting applies.</summary>
    public bool? SmtpClientAuthenticationDisabled { get; init; }

    public string? BeforeImage { get; init; }
}

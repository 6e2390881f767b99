namespace IdentityContainment.Sandbox;

/// <summary>Whether one mailbox's mail still leaves the organization, and through what.</summary>
public sealed record MailLeakStatus
{
    public required string UserId { get; init; }
    public string? UserPrincipalName { get; init; }

    /// <summary>True while any enabled forwarding rule or mailbox forwarding sends mail to an address outside the verified domains.</summary>
    public required bool LeaksOutside { get; init; }

    /// <summary>Each outside address and what sends mail there, e.g. "inbox rule 'Sync' (hidden) → x@example.com".</summary>
    public required IReadOnlyList<string> OutsideDestinations { get; init; }

    /// <summary>One sentence saying why mail leaks or does not.</summary>
    public required string Reason { get; init; }
}

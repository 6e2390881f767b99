namespace IdentityContainment.Sandbox;

/// <summary>Whether one planted foothold still gives the attacker access, and why, from the sandbox's own state.</summary>
public sealed record FootholdStatus
{
    public required string Id { get; init; }
    public required FootholdKind Kind { get; init; }
    public required string UserId { get; init; }
    public string? UserPrincipalName { get; init; }

    /// <summary>The object the foothold lives in (for session, password and forwarding: the user).</summary>
    public required string Target { get; init; }
    public required string Description { get; init; }
    public required bool IsOpen { get; init; }

    /// <summary>One sentence saying why it is open or closed.</summary>
    public required string Reason { get; init; }
}

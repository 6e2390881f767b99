namespace IdentityContainment.Containment;

/// <summary>How one user's reset ended: its status, the request that traces it, where the password went, and why.</summary>
internal sealed record PasswordResetOutcome(string Status, string? RequestId, string? Message, DateTimeOffset AnsweredAt, string? SecretUri = null)
{
    /// <summary>A pending writeback sets the password when it completes: the operator needs it as much as a done one.</summary>
    public bool PasswordSet => Status != ContainmentActionStatus.Failed;
}

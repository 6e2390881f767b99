namespace IdentityContainment.Sandbox;

/// <summary>Identity Protection's view of a user at risk; the id is the user's object id.</summary>
public sealed record RiskyUserRecord
{
    public required string Id { get; init; }
    public string? UserDisplayName { get; init; }
    public string? UserPrincipalName { get; init; }

    /// <summary>low, medium, high, hidden, none.</summary>
    public string RiskLevel { get; init; } = "none";

    /// <summary>none, confirmedSafe, remediated, dismissed, atRisk, confirmedCompromised.</summary>
    public string RiskState { get; init; } = "none";
    public string RiskDetail { get; init; } = "none";
    public DateTimeOffset? RiskLastUpdatedDateTime { get; init; }
    public bool IsDeleted { get; init; }
    public bool IsProcessing { get; init; }
}

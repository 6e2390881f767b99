namespace IdentityContainment.Sandbox;

/// <summary>Graph's longRunningOperationStatus.</summary>
internal enum LongRunningOperationStatus
{
    NotStarted,
    Running,
    Succeeded,
    Failed,
}

/// <summary>What a poll of users/{id}/authentication/operations/{id} shows: Graph's longRunningOperation.</summary>
internal sealed record AuthenticationOperation
{
    public required string Id { get; init; }
    public required string UserId { get; init; }
    public required LongRunningOperationStatus Status { get; init; }
    public required DateTimeOffset CreatedDateTime { get; init; }
    public required DateTimeOffset LastActionDateTime { get; init; }
    public string? StatusDetail { get; init; }

    public bool IsFinished => Status is LongRunningOperationStatus.Succeeded or LongRunningOperationStatus.Failed;
}

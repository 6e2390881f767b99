namespace IdentityContainment.Sandbox;

/// <summary>A directory audit event in Graph's directoryAudit shape (auditLogs/directoryAudits).</summary>
public sealed record DirectoryAuditRecord
{
    public required string Id { get; init; }
    public required DateTimeOffset ActivityDateTime { get; init; }
    public required string ActivityDisplayName { get; init; }
    public string Category { get; init; } = "UserManagement";
    public string? CorrelationId { get; init; }
    public string LoggedByService { get; init; } = "Core Directory";
    public string OperationType { get; init; } = "Update";
    public string Result { get; init; } = "success";
    public string? ResultReason { get; init; }
    public required AuditActor InitiatedBy { get; init; }
    public IReadOnlyList<AuditTargetResource> TargetResources { get; init; } = [];
    public IReadOnlyList<AuditKeyValue> AdditionalDetails { get; init; } = [];
}

/// <summary>Who did it: a user or an app (one of the two is set).</summary>
public sealed record AuditActor
{
    public AuditUserIdentity? User { get; init; }
    public AuditAppIdentity? App { get; init; }
}

public sealed record AuditUserIdentity
{
    public string? Id { get; init; }
    public string? DisplayName { get; init; }
    public string? UserPrincipalName { get; init; }
    public string? IpAddress { get; init; }
}

public sealed record AuditAppIdentity
{
    public string? AppId { get; init; }
    public string? DisplayName { get; init; }
    public string? ServicePrincipalId { get; init; }
    public string? ServicePrincipalName { get; init; }
}

public sealed record AuditTargetResource
{
    public string? Id { get; init; }
    public string? DisplayName { get; init; }

    /// <summary>User, ServicePrincipal, Device, Group...</summary>
    public string? Type { get; init; }
    public string? UserPrincipalName { get; init; }
    public string? GroupType { get; init; }
    public IReadOnlyList<AuditModifiedProperty> ModifiedProperties { get; init; } = [];
}

/// <summary>Old and new values are JSON-encoded strings, as Entra writes them (e.g. "\"True\"").</summary>
public sealed record AuditModifiedProperty
{
    public required string DisplayName { get; init; }
    public string? OldValue { get; init; }
    public string? NewValue { get; init; }
}

public sealed record AuditKeyValue
{
    public required string Key { get; init; }
    public string? Value { get; init; }
}

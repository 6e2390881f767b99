namespace IdentityContainment.Sandbox;

/// <summary>The identities that may sign in to the sandbox to operate the module.</summary>
public sealed record ScenarioOperators
{
    public IReadOnlyList<OperatorApplication> Applications { get; init; } = [];
    public IReadOnlyList<OperatorManagedIdentity> ManagedIdentities { get; init; } = [];
    public IReadOnlyList<DelegatedAdmin> DelegatedAdmins { get; init; } = [];
}

/// <summary>An app registration that signs in with client credentials (secret or certificate).</summary>
public sealed record OperatorApplication
{
    public required string AppId { get; init; }
    public required string DisplayName { get; init; }

    /// <summary>Object id of the app's service principal; the token's oid claim.</summary>
    public required string ServicePrincipalId { get; init; }
    public IReadOnlyList<SecretText> ClientSecrets { get; init; } = [];

    /// <summary>Graph application permissions (app roles) granted to the app, e.g. User.Read.All.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Entra roles assigned to the service principal: User Administrator to reset passwords, a top role for privileged users.</summary>
    public IReadOnlyList<string> DirectoryRoles { get; init; } = [];
}

/// <summary>A managed identity the /msi/token endpoint issues tokens for.</summary>
public sealed record OperatorManagedIdentity
{
    public required string ClientId { get; init; }

    /// <summary>Object id of its service principal.</summary>
    public required string PrincipalId { get; init; }
    public required string DisplayName { get; init; }
    public ManagedIdentityKind Kind { get; init; } = ManagedIdentityKind.SystemAssigned;

    /// <summary>Azure resource id; user-assigned identities may be asked for by it (mi_res_id).</summary>
    public string? ResourceId { get; init; }
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Entra roles assigned to its service principal; an app-only password reset needs one (User Administrator).</summary>
    public IReadOnlyList<string> DirectoryRoles { get; init; } = [];
}

public enum ManagedIdentityKind
{
    SystemAssigned,
    UserAssigned,
}

/// <summary>A user who operates the module with delegated (signed-in user) tokens.</summary>
public sealed record DelegatedAdmin
{
    /// <summary>The user's object id (scenario files may give the UPN).</summary>
    public required string UserId { get; init; }

    /// <summary>The public client the admin signs in through; Microsoft Graph Command Line Tools by default.</summary>
    public string ClientAppId { get; init; } = "14d82eec-204b-4c2f-b7e8-296a70dab67e";

    /// <summary>The delegated scopes a token for this admin carries.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];
}

namespace IdentityContainment.Sandbox;

/// <summary>A user account, as stored by the sandbox. Immutable: a change replaces the record.</summary>
public sealed record UserRecord
{
    public required string Id { get; init; }
    public required string UserPrincipalName { get; init; }
    public required string DisplayName { get; init; }
    public string? GivenName { get; init; }
    public string? Surname { get; init; }
    public string? Mail { get; init; }

    /// <summary>Graph's proxyAddresses: "SMTP:" marks the primary address, "smtp:" the aliases. Empty unless the scenario gives them.</summary>
    public IReadOnlyList<string> ProxyAddresses { get; init; } = [];
    public string? JobTitle { get; init; }
    public string? MobilePhone { get; init; }
    public string? OfficeLocation { get; init; }
    public string? PreferredLanguage { get; init; }
    public IReadOnlyList<string> BusinessPhones { get; init; } = [];

    /// <summary>
    /// Graph's usageLocation: the two-letter country code (ISO 3166-1 alpha-2) of where the user uses Microsoft's
    /// services; returned only on $select (v1.0 user resource page, CSDL Edm.String). Null when the scenario sets none.
    /// </summary>
    public string? UsageLocation { get; init; }

    /// <summary>"Member" or "Guest".</summary>
    public string UserType { get; init; } = UserTypes.Member;
    public bool AccountEnabled { get; init; } = true;
    public DateTimeOffset? CreatedDateTime { get; init; }
    public DateTimeOffset? LastPasswordChangeDateTime { get; init; }
    public DateTimeOffset? SignInSessionsValidFromDateTime { get; init; }

    /// <summary>true: mastered on-premises and synced; false: synced once, now cloud-only; null: never synced.</summary>
    public bool? OnPremisesSyncEnabled { get; init; }

    /// <summary>Whether the account is enabled in on-premises AD; a sync cycle copies it over a synced user's accountEnabled.</summary>
    public bool OnPremisesAccountEnabled { get; init; } = true;

    /// <summary>Entra directory role names (see <see cref="DirectoryRoles"/>), e.g. "Global Administrator".</summary>
    public IReadOnlyList<string> DirectoryRoles { get; init; } = [];

    /// <summary>The current password. Write-only: compared by the ground truth, never returned.</summary>
    public SecretText? Password { get; init; }
    public bool ForceChangePasswordNextSignIn { get; init; }
    public bool ForceChangePasswordNextSignInWithMfa { get; init; }

    public bool IsGuest => string.Equals(UserType, UserTypes.Guest, StringComparison.OrdinalIgnoreCase);

    /// <summary>Holds an admin role that Entra protects from app-only and lesser admins.</summary>
    public bool IsPrivileged => Sandbox.DirectoryRoles.AnyPrivileged(DirectoryRoles);

    public bool IsSyncedFromOnPremises => OnPremisesSyncEnabled == true;
}

public static class UserTypes
{
    public const string Member = "Member";
    public const string Guest = "Guest";
}

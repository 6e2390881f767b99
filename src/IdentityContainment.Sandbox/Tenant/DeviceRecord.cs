namespace IdentityContainment.Sandbox;

/// <summary>A device registered or joined in the directory.</summary>
public sealed record DeviceRecord
{
    /// <summary>Directory object id (what /devices/{id} takes).</summary>
    public required string Id { get; init; }

    /// <summary>Device Registration Service id; differs from <see cref="Id"/>.</summary>
    public required string DeviceId { get; init; }
    public required string DisplayName { get; init; }
    public string? OperatingSystem { get; init; }
    public string? OperatingSystemVersion { get; init; }

    /// <summary>Workplace (registered), AzureAd (joined) or ServerAd (hybrid joined).</summary>
    public string TrustType { get; init; } = "Workplace";
    public bool AccountEnabled { get; init; } = true;
    public DateTimeOffset? RegistrationDateTime { get; init; }
    public DateTimeOffset? ApproximateLastSignInDateTime { get; init; }
    public bool? IsCompliant { get; init; }
    public bool? IsManaged { get; init; }
    public string? Manufacturer { get; init; }
    public string? Model { get; init; }
    public string? ProfileType { get; init; }

    /// <summary>User object ids.</summary>
    public IReadOnlyList<string> RegisteredOwners { get; init; } = [];
    public IReadOnlyList<string> RegisteredUsers { get; init; } = [];
}

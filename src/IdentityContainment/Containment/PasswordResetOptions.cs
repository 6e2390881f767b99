namespace IdentityContainment.Containment;

/// <summary>How Reset-CompromisedPassword resets.</summary>
public sealed class PasswordResetOptions
{
    public int Length { get; init; } = Passwords.TemporaryPasswordGenerator.DefaultLength;

    public bool ForceChangePasswordNextSignIn { get; init; } = true;

    public bool RequireMfaForChange { get; init; }

    /// <summary>Sessions revoked at least this recently count as revoked; older ones are revoked again first.</summary>
    public TimeSpan RevokedWithin { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Reset without revoking first, when the operator says so explicitly.</summary>
    public bool SkipRevocation { get; init; }
}

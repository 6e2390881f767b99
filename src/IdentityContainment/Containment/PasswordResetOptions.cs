using IdentityContainment.Pipeline;

namespace IdentityContainment.Containment;

/// <summary>How Reset-CompromisedPassword resets.</summary>
public sealed class PasswordResetOptions
{
    public int Length { get; init; } = Passwords.TemporaryPasswordGenerator.DefaultLength;

    public bool ForceChangePasswordNextSignIn { get; init; } = true;

    public bool RequireMfaForChange { get; init; }

    /// <summary>Sessions revoked at least this recently count as revoked; older ones are revoked again first.</summary>
    public TimeSpan RevokedWithin { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Where temporary passwords go instead of the output (runbooks): null keeps them in the output.</summary>
    public PasswordVault? Vault { get; init; }

    /// <summary>Reset without revoking first, when the operator says so explicitly.</summary>
    public bool SkipRevocation { get; init; }

    /// <summary>The users already reset in this run, whatever name they came under.</summary>
    public OncePerUser ResetUsers { get; init; } = new();

    /// <summary>Refuses the signed-in responder's own account; null resets every user (an app, or -Force).</summary>
    public OwnAccountGuard? OwnAccount { get; init; }
}

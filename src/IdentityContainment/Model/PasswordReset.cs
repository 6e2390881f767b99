using System.Security;

namespace IdentityContainment;

/// <summary>
/// A password reset done to one user. The temporary password is a SecureString: it never shows in a table, a log or
/// ToString, and only -AsPlainText or ConvertFrom-SecureString -AsPlainText reveals it.
/// </summary>
public sealed class PasswordReset
{
    public string UserId { get; init; } = string.Empty;

    public string? UserPrincipalName { get; init; }

    /// <summary>Empty when the password went to Key Vault (see <see cref="SecretUri"/>) or the reset failed.</summary>
    public SecureString? TemporaryPassword { get; init; }

    /// <summary>The Key Vault secret that holds the temporary password, with -KeyVaultUri.</summary>
    public string? SecretUri { get; init; }

    public bool ForceChangePasswordNextSignIn { get; init; }

    public bool ForceChangePasswordNextSignInWithMfa { get; init; }

    /// <summary>Since when the user's sessions are revoked, as Graph holds it: the reset came after this.</summary>
    public DateTimeOffset? SessionsRevokedAt { get; init; }

    /// <summary>When Graph accepted the new password (UTC).</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>Succeeded or Failed (see <see cref="ContainmentActionStatus"/>).</summary>
    public string Status { get; init; } = string.Empty;

    public string? RequestId { get; init; }

    public string? Message { get; init; }

    public override string ToString() => $"{ContainmentActions.ResetPassword} {UserPrincipalName ?? UserId}: {Status}";
}

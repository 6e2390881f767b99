namespace IdentityContainment.Evidence;

/// <summary>
/// One action as the journal keeps it: a ContainmentAction or a PasswordReset, flattened. There is deliberately no field
/// that could hold a temporary password: where the password went is recorded (<see cref="SecretUri"/>, or
/// <see cref="PasswordInOutput"/>), never the password.
/// </summary>
public sealed class JournalEntry
{
    public string UserId { get; init; } = string.Empty;

    public string? UserPrincipalName { get; init; }

    /// <summary>DisableAccount, RevokeSessions, ConfirmCompromised, DisableDevice or ResetPassword.</summary>
    public string Action { get; init; } = string.Empty;

    public string? Target { get; init; }

    public string Status { get; init; } = string.Empty;

    public DateTimeOffset Timestamp { get; init; }

    public DateTimeOffset? SignInSessionsValidFromDateTime { get; init; }

    public bool? AccountEnabled { get; init; }

    /// <summary>A reset's: since when the user's sessions were revoked before it.</summary>
    public DateTimeOffset? SessionsRevokedAt { get; init; }

    /// <summary>A reset's: the Key Vault secret that holds the temporary password.</summary>
    public string? SecretUri { get; init; }

    /// <summary>A reset's: true when the temporary password was handed to the operator in the command's output.</summary>
    public bool PasswordInOutput { get; init; }

    public string? RequestId { get; init; }

    public string? Message { get; init; }

    /// <summary>What a removal took away, as Graph held it (see <see cref="ContainmentAction.BeforeImage"/>).</summary>
    public string? BeforeImage { get; init; }

    /// <summary>The entry for a result the engine reported; null for anything that is not an action (a user read, say).</summary>
    public static JournalEntry? For(object? result) => result switch
    {
        ContainmentAction action => new JournalEntry
        {
            UserId = action.UserId,
            UserPrincipalName = action.UserPrincipalName,
            Action = action.Action,
            Target = action.Target,
            Status = action.Status,
            Timestamp = action.Timestamp,
            SignInSessionsValidFromDateTime = action.SignInSessionsValidFromDateTime,
            AccountEnabled = action.AccountEnabled,
            RequestId = action.RequestId,
            Message = action.Message,
            BeforeImage = action.BeforeImage,
        },
        PasswordReset reset => new JournalEntry
        {
            UserId = reset.UserId,
            UserPrincipalName = reset.UserPrincipalName,
            Action = ContainmentActions.ResetPassword,
            Target = reset.UserId,
            Status = reset.Status,
            Timestamp = reset.Timestamp,
            SessionsRevokedAt = reset.SessionsRevokedAt,
            SecretUri = reset.SecretUri,
            PasswordInOutput = reset.TemporaryPassword is not null,
            RequestId = reset.RequestId,
            Message = reset.Message,
        },
        _ => null,
    };

    public override string ToString() => $"{Action} {UserPrincipalName ?? UserId}: {Status}";
}

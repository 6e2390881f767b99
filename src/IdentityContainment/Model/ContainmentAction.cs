namespace IdentityContainment;

/// <summary>
/// One containment step done to one user (or to one of the user's devices), with the evidence Graph gave back.
/// Flat and text-valued so a runbook's job output and a JSON evidence file read the same.
/// </summary>
public sealed class ContainmentAction
{
    public string UserId { get; init; } = string.Empty;

    public string? UserPrincipalName { get; init; }

    /// <summary>DisableAccount, RevokeSessions, ConfirmCompromised, DisableDevice, RemoveOAuthGrant... (see <see cref="ContainmentActions"/>).</summary>
    public string Action { get; init; } = string.Empty;

    /// <summary>What the action touched: the user's object id, a device id, a grant or assignment id, an app's id.</summary>
    public string? Target { get; init; }

    /// <summary>Succeeded, Failed or Skipped (see <see cref="ContainmentActionStatus"/>).</summary>
    public string Status { get; init; } = string.Empty;

    /// <summary>When Graph answered (UTC).</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>Read back after revoking: sessions and refresh tokens issued before this moment no longer work.</summary>
    public DateTimeOffset? SignInSessionsValidFromDateTime { get; init; }

    /// <summary>Read back after disabling.</summary>
    public bool? AccountEnabled { get; init; }

    public string? RequestId { get; init; }

    public string? Message { get; init; }

    /// <summary>
    /// What a removal took away, as Graph held it just before (JSON), so that a false positive can be put back
    /// (Restore-OAuthGrant). Null for actions that remove nothing.
    /// </summary>
    public string? BeforeImage { get; init; }

    public override string ToString() => $"{Action} {UserPrincipalName ?? UserId}: {Status}";
}

/// <summary>The names of containment actions.</summary>
public static class ContainmentActions
{
    public const string DisableAccount = nameof(DisableAccount);
    public const string RevokeSessions = nameof(RevokeSessions);
    public const string ConfirmCompromised = nameof(ConfirmCompromised);
    public const string DisableDevice = nameof(DisableDevice);
    public const string RemoveOAuthGrant = nameof(RemoveOAuthGrant);
    public const string RemoveAppRoleAssignment = nameof(RemoveAppRoleAssignment);
    public const string DisableServicePrincipal = nameof(DisableServicePrincipal);
    public const string RestoreOAuthGrant = nameof(RestoreOAuthGrant);
    public const string RestoreAppRoleAssignment = nameof(RestoreAppRoleAssignment);
    public const string RemoveInboxRule = nameof(RemoveInboxRule);
    public const string DisableInboxRule = nameof(DisableInboxRule);

    /// <summary>ForwardingSmtpAddress and ForwardingAddress cleared, DeliverToMailboxAndForward off.</summary>
    public const string ClearMailboxForwarding = nameof(ClearMailboxForwarding);
    public const string RemoveSendOnBehalf = nameof(RemoveSendOnBehalf);
    public const string RemoveFullAccess = nameof(RemoveFullAccess);
    public const string RemoveSendAs = nameof(RemoveSendAs);

    /// <summary>Default or Anonymous set back to None (those entries cannot be removed, only reduced).</summary>
    public const string ResetFolderPermission = nameof(ResetFolderPermission);
    public const string DisableLegacyProtocols = nameof(DisableLegacyProtocols);

    /// <summary>An authentication method deleted through its kind's own path.</summary>
    public const string RemoveAuthenticationMethod = nameof(RemoveAuthenticationMethod);

    /// <summary>What a <see cref="PasswordReset"/> counts as in a summary.</summary>
    public const string ResetPassword = nameof(ResetPassword);
}

/// <summary>The outcomes of a containment action.</summary>
public static class ContainmentActionStatus
{
    public const string Succeeded = nameof(Succeeded);
    public const string Failed = nameof(Failed);
    public const string Skipped = nameof(Skipped);

    /// <summary>
    /// Accepted, but not yet seen done when the cmdlet stopped following it: a slow password writeback, or a write that
    /// the directory's read-back does not show yet (replication lag).
    /// </summary>
    public const string Pending = nameof(Pending);
}

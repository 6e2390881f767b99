namespace IdentityContainment;

/// <summary>
/// What one containment command did, counted: how many users it reported on, how many results ended in each status,
/// the errors it wrote, and the count per action and status. Flat, so a runbook's job output can end with it.
/// </summary>
public sealed class ContainmentSummary
{
    /// <summary>The command that wrote this summary (Revoke-CompromisedSession, Reset-CompromisedPassword).</summary>
    public string Command { get; init; } = string.Empty;

    /// <summary>Distinct users (by object id) with at least one result.</summary>
    public int Users { get; init; }

    public int Succeeded { get; init; }

    public int Failed { get; init; }

    public int Skipped { get; init; }

    public int Pending { get; init; }

    /// <summary>Error records the command wrote: refused steps, and inputs that never became a result (unknown or malformed users).</summary>
    public int Errors { get; init; }

    /// <summary>Temporary passwords stored as Key Vault secrets (-KeyVaultUri): the results hold their SecretUri.</summary>
    public int PasswordsInKeyVault { get; init; }

    /// <summary>
    /// Temporary passwords held only by the results, as SecureStrings: a runbook's job output cannot carry them (they
    /// serialize to their length), so there they are lost unless a vault holds them.
    /// </summary>
    public int PasswordsInOutput { get; init; }

    /// <summary>One count per action and status, in the order the actions first appeared.</summary>
    public ContainmentActionCount[] Actions { get; init; } = Array.Empty<ContainmentActionCount>();

    /// <summary>When the command began and ended its work (UTC).</summary>
    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset FinishedAt { get; init; }

    public override string ToString() =>
        $"{Command}: {Users} user(s); {string.Join(", ", Actions.Select(a => a.ToString()))}; {Errors} error(s)";
}

/// <summary>How many results of one action ended in one status.</summary>
public sealed class ContainmentActionCount
{
    /// <summary>DisableAccount, RevokeSessions, ConfirmCompromised, DisableDevice, ResetPassword.</summary>
    public string Action { get; init; } = string.Empty;

    public string Status { get; init; } = string.Empty;

    public int Count { get; init; }

    public override string ToString() => $"{Action} {Status}: {Count}";
}

namespace IdentityContainment.Benchmarks.MassContainment;

/// <summary>What the module's pipeline gave back, reduced to what the report needs; no password leaves the runspace.</summary>
internal sealed record ModuleRunOutput
{
    public required TimeSpan Wall { get; init; }

    /// <summary>From the start of the pipeline to the first object out of its end; null when nothing came out.</summary>
    public required TimeSpan? FirstResult { get; init; }

    /// <summary>Every result, from both cmdlets: (user id, action, status).</summary>
    public required IReadOnlyList<ActionRecord> Actions { get; init; }

    /// <summary>FullyQualifiedErrorId of each error record, in order.</summary>
    public required IReadOnlyList<string> ErrorIds { get; init; }

    public int ThrottlingErrors => ErrorIds.Count(id => id.StartsWith("GraphThrottled", StringComparison.Ordinal));
}

/// <summary>One result object: a ContainmentAction (its Action) or a PasswordReset (action <see cref="PasswordResetAction"/>).</summary>
internal sealed record ActionRecord(string UserId, string Action, string Status)
{
    public const string RevokeSessionsAction = "RevokeSessions";
    public const string PasswordResetAction = "PasswordReset";
    public const string Succeeded = "Succeeded";
}

namespace IdentityContainment.Sandbox;

/// <summary>
/// The password resets in flight. A reset is accepted at once (202) and applied only when its
/// operation ends: after <see cref="AuthenticationOperationOptions.RunningPolls"/> polls have seen it
/// running, or after <see cref="AuthenticationOperationOptions.MaximumDuration"/> if nobody polls. Only
/// then do the password and lastPasswordChangeDateTime change, so the password foothold closes when
/// the operation says succeeded and not before. Thread-safe.
/// </summary>
internal sealed class PasswordResetOperations(TenantState tenant, AuthenticationOperationOptions options) : IDisposable
{
    private sealed class Pending
    {
        public required AuthenticationOperation State { get; set; }
        public required SecretText NewPassword { get; init; }

        /// <summary>Why it will fail (the password policy refused the password), or null when it will succeed.</summary>
        public string? Failure { get; init; }
        public int RunningPollsSeen { get; set; }
        public ITimer? Deadline { get; set; }
    }

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Pending> _byId = new(StringComparer.OrdinalIgnoreCase);
    private bool _disposed;

    public AuthenticationOperationOptions Options => options;

    /// <summary>Accepts a reset; <paramref name="failure"/> is the status detail it will fail with, or null.</summary>
    public AuthenticationOperation Start(string userId, SecretText newPassword, string? failure)
    {
        var now = tenant.Now();
        var pending = new Pending
        {
            State = new AuthenticationOperation
            {
                Id = Guid.NewGuid().ToString(),
                UserId = userId,
                Status = LongRunningOperationStatus.NotStarted,
                CreatedDateTime = now,
                LastActionDateTime = now,
            },
            NewPassword = newPassword,
            Failure = failure,
        };
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _byId[pending.State.Id] = pending;
            var id = pending.State.Id;
            pending.Deadline = tenant.Clock.CreateTimer(_ => Finish(id), null, options.MaximumDuration, Timeout.InfiniteTimeSpan);
        }
        return pending.State;
    }

    /// <summary>What a poll sees (and what the poll does: it may move the operation on); null when the user has no such operation.</summary>
    public AuthenticationOperation? Poll(string userId, string operationId)
    {
        lock (_gate)
        {
            if (!_byId.TryGetValue(operationId, out var pending)
                || !string.Equals(pending.State.UserId, userId, StringComparison.OrdinalIgnoreCase))
                return null;
            if (pending.State.IsFinished)
                return pending.State;
            if (pending.RunningPollsSeen < options.RunningPolls)
            {
                pending.RunningPollsSeen++;
                pending.State = pending.State with { Status = LongRunningOperationStatus.Running, LastActionDateTime = tenant.Now() };
                return pending.State;
            }
            return FinishUnlocked(pending);
        }
    }

    private void Finish(string operationId)
    {
        lock (_gate)
        {
            if (!_disposed && _byId.TryGetValue(operationId, out var pending) && !pending.State.IsFinished)
                FinishUnlocked(pending);
        }
    }

    private AuthenticationOperation FinishUnlocked(Pending pending)
    {
        pending.Deadline?.Dispose();
        var failure = pending.Failure;
        // The password lands in the directory only now; a user deleted meanwhile makes the operation fail.
        if (failure is null && tenant.SetPassword(pending.State.UserId, pending.NewPassword) is null)
            failure = "The user no longer exists.";
        pending.State = pending.State with
        {
            Status = failure is null ? LongRunningOperationStatus.Succeeded : LongRunningOperationStatus.Failed,
            StatusDetail = failure,
            LastActionDateTime = tenant.Now(),
        };
        return pending.State;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var pending in _byId.Values)
                pending.Deadline?.Dispose();
        }
    }
}

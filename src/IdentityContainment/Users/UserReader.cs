using IdentityContainment.Connection;
using IdentityContainment.Graph;
using IdentityContainment.Pipeline;
using IdentityContainment.Polyfills;

namespace IdentityContainment.Users;

/// <summary>
/// Reads users' containment state hundreds at a time: list queries of 15 users (<see cref="UserQuery"/>), 20 queries
/// to a JSON batch, so one request reads up to 300 users. The workers of one cmdlet join the reader and their lookups
/// are gathered: a read goes out once 300 users wait, or once every worker that joined is waiting and no new worker is
/// about to join (nobody waits for a read that cannot fill), or once a lookup has waited two seconds for a worker that
/// Graph is slow to answer. A reader nobody joined reads each lookup at once.
/// </summary>
public sealed class UserReader : IGatheringReader
{
    public const int UsersPerRead = UserQuery.MaxUsers * GraphBatchClient.MaxItemsPerBatch;

    /// <summary>
    /// While input flows, a new worker is expected within this time; a read waits that long for it rather than go out
    /// half empty. Far below Graph's latency, so a stalled upstream command delays results by no more than this.
    /// </summary>
    private static readonly TimeSpan JoinExpectedWithin = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// How long a lookup waits for workers Graph is slow to answer (a throttled or stalled batch): their lateness must
    /// not hold back the evidence of the others. Workers waiting for write quota are not late; they are paced, and a
    /// read per paced batch would double the requests.
    /// </summary>
    private static readonly TimeSpan LateWorkersWaitedFor = TimeSpan.FromSeconds(2);

    /// <summary>While only paced workers are missing, how often to look whether that is still so.</summary>
    private static readonly TimeSpan PacedRecheck = TimeSpan.FromMilliseconds(250);

    private readonly GraphConnection _connection;
    private readonly TimeProvider _clock;
    private readonly object _lock = new();
    private List<PendingLookup> _waiting = new();
    private int _waitingUsers;
    private int _workers;
    private bool _inputFlowing;
    private DateTime _lastJoinUtc;
    private DateTime _recheckAt = DateTime.MaxValue;

    /// <summary>Reads through <paramref name="connection"/>; its waits follow <paramref name="clock"/>, the system's unless a test moves its own.</summary>
    public UserReader(GraphConnection connection, TimeProvider? clock = null)
    {
        _connection = connection;
        _clock = clock ?? TimeProvider.System;
    }

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Whether the caller is taking input and may start more workers now. Set false while it waits for a worker to
    /// finish and when its input has ended, so the workers' reads go out without waiting for a worker that cannot come.
    /// </summary>
    public bool InputFlowing
    {
        set
        {
            List<PendingLookup>? due;
            lock (_lock)
            {
                _inputFlowing = value;
                due = TakeIfDue();
            }

            Send(due);
        }
    }

    /// <summary>Counts a worker in until the result is disposed; reads wait while a joined worker may still ask.</summary>
    public IDisposable Join()
    {
        lock (_lock)
        {
            _workers++;
            _lastJoinUtc = Now;
        }

        return new Participation(this);
    }

    /// <summary>Reports each user, or the error that user got, through <paramref name="results"/>; one failure never hides the rest.</summary>
    public async Task ReadAsync(IReadOnlyList<string> userIds, IResultSink<ContainmentUser> results, CancellationToken cancellationToken)
    {
        foreach (UserLookup lookup in await LookUpAsync(userIds, cancellationToken).ConfigureAwait(false))
        {
            if (lookup.User is not null)
            {
                results.Succeeded(lookup.User);
            }
            else
            {
                results.Failed(lookup.Failure(GraphOperation.ReadUser));
            }
        }
    }

    /// <summary>
    /// The users Graph knows, in input order, for a hunt to go on with; each one it could not give is reported as an error
    /// through <paramref name="errors"/> (whatever that sink's results are), so one bad user never stops the rest.
    /// </summary>
    public async Task<IReadOnlyList<ContainmentUser>> FindAsync<T>(IReadOnlyList<string> userIds, IResultSink<T> errors, CancellationToken cancellationToken)
    {
        var found = new List<ContainmentUser>();
        foreach (UserLookup lookup in await LookUpAsync(userIds, cancellationToken).ConfigureAwait(false))
        {
            if (lookup.User is null)
            {
                errors.Failed(lookup.Failure(GraphOperation.ReadUser));
            }
            else
            {
                found.Add(lookup.User);
            }
        }

        return found;
    }

    /// <summary>Each user's state as Graph has it now, in input order; User is null when Graph had none to give.</summary>
    public Task<IReadOnlyList<UserLookup>> LookUpAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<UserLookup>>(Array.Empty<UserLookup>());
        }

        var lookup = new PendingLookup(userIds, Now, cancellationToken);
        List<PendingLookup>? due;
        lock (_lock)
        {
            _waiting.Add(lookup);
            _waitingUsers += userIds.Count;
            due = TakeIfDue();
        }

        Send(due);
        return lookup.Completion.Task;
    }

    private void Leave()
    {
        List<PendingLookup>? due;
        lock (_lock)
        {
            _workers--;
            due = TakeIfDue();
        }

        Send(due);
    }

    /// <summary>Called under the lock.</summary>
    private List<PendingLookup>? TakeIfDue()
    {
        if (_waiting.Count == 0)
        {
            return null;
        }

        DateTime now = Now;
        DateTime quietAt = _inputFlowing ? _lastJoinUtc + JoinExpectedWithin : now;
        DateTime lateAt = _waiting[0].Since + LateWorkersWaitedFor;
        bool full = _waitingUsers >= UsersPerRead;
        bool everyoneWaits = _waiting.Count >= _workers && now >= quietAt;
        bool othersLate = now >= lateAt && !_connection.WriteQuota.IsPacing;
        if (!full && !everyoneWaits && !othersLate)
        {
            DateTime next = lateAt > now ? lateAt : now + PacedRecheck;
            ScheduleRecheck(_waiting.Count >= _workers && quietAt > now && quietAt < next ? quietAt : next);
            return null;
        }

        List<PendingLookup> due = _waiting;
        _waiting = new List<PendingLookup>();
        _waitingUsers = 0;
        return due;
    }

    /// <summary>Called under the lock: looks again at <paramref name="when"/>, unless a look is due sooner anyway.</summary>
    private void ScheduleRecheck(DateTime when)
    {
        if (when >= _recheckAt)
        {
            return;
        }

        _recheckAt = when;
        TimeSpan delay = when - Now;
        _ = ClockDelay.Delay(_clock, delay > TimeSpan.Zero ? delay : TimeSpan.Zero).ContinueWith(
            _ =>
            {
                List<PendingLookup>? due;
                lock (_lock)
                {
                    _recheckAt = DateTime.MaxValue;
                    due = TakeIfDue();
                }

                Send(due);
            },
            TaskScheduler.Default);
    }

    private void Send(List<PendingLookup>? due)
    {
        if (due is not null)
        {
            _ = AnswerAsync(due);
        }
    }

    private async Task AnswerAsync(List<PendingLookup> due)
    {
        // The read may go out from whichever thread made it due (the pipeline thread ending the input, a recheck):
        // it is the asking work's Graph traffic all the same, so -Verbose shows it and its retries.
        GraphActivity.Current = due[0].Observer;
        try
        {
            Dictionary<string, UserLookup> found = await QueryAsync(due.SelectMany(d => d.UserIds), due[0].CancellationToken).ConfigureAwait(false);
            foreach (PendingLookup lookup in due)
            {
                lookup.Completion.TrySetResult(lookup.UserIds.Select(id => found[id]).ToList());
            }
        }
        catch (OperationCanceledException ex)
        {
            due.ForEach(d => d.Completion.TrySetCanceled(ex.CancellationToken));
        }
        catch (Exception ex)
        {
            due.ForEach(d => d.Completion.TrySetException(ex));
        }
    }

    private async Task<Dictionary<string, UserLookup>> QueryAsync(IEnumerable<string> userIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, UserLookup>(StringComparer.OrdinalIgnoreCase);
        ListRead<UserQuery>[] queries = UserQuery.For(userIds.Distinct(StringComparer.OrdinalIgnoreCase)).Select(q => new ListRead<UserQuery>(q, q.Url)).ToArray();

        // Each query is a list Graph may page; a query that could not be read whole (an error, or no answer at all
        // after every retry) is each of its users' failure, and the workers report what they already did instead of
        // failing whole.
        foreach (WholeList<UserQuery> answer in await _connection.Batch.ReadWholeListsAsync(queries, cancellationToken).ConfigureAwait(false))
        {
            foreach (UserLookup lookup in answer.List.Read(answer))
            {
                found[lookup.Input] = lookup;
            }
        }

        return found;
    }

    private sealed class PendingLookup
    {
        public PendingLookup(IReadOnlyList<string> userIds, DateTime since, CancellationToken cancellationToken)
        {
            UserIds = userIds;
            Since = since;
            CancellationToken = cancellationToken;
            cancellationToken.Register(() => Completion.TrySetCanceled(cancellationToken));
        }

        public IReadOnlyList<string> UserIds { get; }

        public CancellationToken CancellationToken { get; }

        public DateTime Since { get; }

        /// <summary>Who watches the Graph calls of the work that asked (its cmdlet's -Verbose).</summary>
        public IGraphActivityObserver? Observer { get; } = GraphActivity.Current;

        // Continuations run on the pool: never inline under the reader's lock or inside another worker's read.
        public TaskCompletionSource<IReadOnlyList<UserLookup>> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Participation : IDisposable
    {
        private UserReader? _reader;

        public Participation(UserReader reader) => _reader = reader;

        public void Dispose() => Interlocked.Exchange(ref _reader, null)?.Leave();
    }
}

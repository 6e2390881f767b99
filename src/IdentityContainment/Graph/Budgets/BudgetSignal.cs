namespace IdentityContainment.Graph.Budgets;

/// <summary>Wakes everyone waiting for a budget when some of it comes back (a permit released).</summary>
internal sealed class BudgetSignal
{
    private TaskCompletionSource<bool> _next = NewSource();

    /// <summary>A task that completes at the next <see cref="Pulse"/>; take it before checking the budget, so no pulse is missed.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Pulse() => Interlocked.Exchange(ref _next, NewSource()).TrySetResult(true);

    /// <summary>Waits for the first of the tasks (signals, a delay), or throws if cancelled; both editions.</summary>
    public static async Task AnyAsync(IEnumerable<Task> tasks, CancellationToken cancellationToken)
    {
        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(() => cancelled.TrySetResult(true)))
        {
            await Task.WhenAny(tasks.Append(cancelled.Task)).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    // Continuations run off the releasing thread, so a release never runs a waiter's work inline.
    private static TaskCompletionSource<bool> NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

using System.Management.Automation;
using IdentityContainment.Connection;
using IdentityContainment.Pipeline;

namespace IdentityContainment.Commands.Support;

/// <summary>
/// A cmdlet that works on what it is given in Graph batches, several batches at once, writing results as each batch
/// returns: users, findings piped back in, Exchange Online objects. Each item is worked on once; a bad one is reported
/// and the rest go on. The batching and the readers' timing belong to the engine's <see cref="BatchFeed{T}"/> (which can
/// also be fed a tenant-wide list as it is read, <see cref="BatchFeed{T}.AddFrom"/>); this base adds what PowerShell
/// needs: the connection, confirmation, progress, and the closing summary.
/// </summary>
public abstract class BatchingCmdlet<TItem> : ContainmentCmdlet
{
    private readonly ContainmentTally _tally = new();
    private BatchFeed<TItem>? _feed;
    private bool _progressShown;

    /// <summary>The runspace's connection, captured on the pipeline thread: workers cannot look it up themselves.</summary>
    internal GraphConnection Connection { get; private set; } = null!;

    protected override void BeginProcessing()
    {
        Connection = RequireConnection();
        _feed = new BatchFeed<TItem>(FeedOptions, KeyOf, ProcessBatchAsync, Bridge, CreateGatheringReaders(), StopToken) { Progressed = ShowProgress, Admit = Admit };
    }

    protected override void ProcessRecord()
    {
        foreach (TItem item in ItemsOfRecord())
        {
            Stoppable(() => _feed!.Offer(item));
        }

        Bridge.Drain();
    }

    protected override void EndProcessing()
    {
        Stoppable(() => _feed!.Complete());
        WaitForWork();
        if (!StopToken.IsCancellationRequested)
        {
            Bridge.Start(() => FinishAsync(StopToken), StopToken);
            WaitForWork();
        }

        if (_progressShown)
        {
            WriteProgress(new ProgressRecord(MyInvocation.PipelinePosition, ProgressActivity, "Done") { RecordType = ProgressRecordType.Completed });
        }

        if (WantsSummary)
        {
            WriteObject(_tally.Summarize(MyInvocation.MyCommand.Name));
        }
    }

    /// <summary>The items one pipeline object stands for, each checked; a bad one is written as an error and left out.</summary>
    private protected abstract IEnumerable<TItem> ItemsOfRecord();

    /// <summary>What makes two items the same work (a user's id): the second is dropped, case aside.</summary>
    private protected abstract string KeyOf(TItem item);

    /// <summary>Does this cmdlet's work for one batch of distinct items, reporting through the bridge.</summary>
    private protected abstract Task ProcessBatchAsync(IReadOnlyList<TItem> items, CancellationToken cancellationToken);

    /// <summary>What the progress bar says this cmdlet is doing ("Revoking sessions").</summary>
    private protected abstract string ProgressActivity { get; }

    /// <summary>What the items are called in the progress bar ("user(s)").</summary>
    private protected virtual string ItemNoun => "item(s)";

    private protected virtual BatchFeedOptions FeedOptions => BatchFeedOptions.UsersInGraphBatches;

    /// <summary>The readers that gather the batches' reads, created once the connection is known.</summary>
    private protected virtual IReadOnlyList<IGatheringReader> CreateGatheringReaders() => Array.Empty<IGatheringReader>();

    /// <summary>
    /// Whether to work on this item at all (ShouldProcess, safety checks), asked once per distinct item, repeats dropped
    /// first; the default admits everything.
    /// </summary>
    private protected virtual bool Admit(TItem item) => true;

    /// <summary>Work that waits for every batch, such as sending what was gathered across batches.</summary>
    private protected virtual Task FinishAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Whether to end with one <see cref="ContainmentSummary"/> of everything written (-Summary).</summary>
    private protected virtual bool WantsSummary => false;

    private protected override void OnResult(object result) => _tally.Count(result is PSObject shown ? shown.BaseObject : result);

    private protected override void OnError(ErrorRecord error) => _tally.CountError();

    private void Stoppable(Action feeding)
    {
        try
        {
            feeding();
        }
        catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    private void ShowProgress()
    {
        _progressShown = true;
        int started = _feed!.Started;
        int finished = _feed.Finished;
        WriteProgress(new ProgressRecord(MyInvocation.PipelinePosition, ProgressActivity, $"{finished} of {started} {ItemNoun} done")
        {
            PercentComplete = started == 0 ? 0 : Math.Min(100, finished * 100 / started),
        });
    }
}

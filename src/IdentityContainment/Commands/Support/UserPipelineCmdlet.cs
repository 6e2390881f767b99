using System.Management.Automation;
using IdentityContainment.Connection;
using IdentityContainment.Errors;
using IdentityContainment.Graph;
using IdentityContainment.Pipeline;
using IdentityContainment.Users;

namespace IdentityContainment.Commands.Support;

/// <summary>
/// A cmdlet that takes users from the pipeline and works on them in Graph batches of 20, several batches at once,
/// writing results as each batch returns. A bad id is reported and the rest go on.
/// </summary>
public abstract class UserPipelineCmdlet : ContainmentCmdlet
{
    /// <summary>
    /// Batches of users worked on at once: enough that their reads fill one read of <see cref="UserReader.UsersPerRead"/>
    /// users. How many requests are on the wire at once is the connection's own limit.
    /// </summary>
    private const int BatchesAtOnce = UserReader.UsersPerRead / GraphBatchClient.MaxItemsPerBatch;

    private readonly ContainmentTally _tally = new();
    private UserBatcher? _batcher;
    private int _usersKnown;
    private int _usersDone;
    private bool _progressShown;
    private string? _upnOfInput;

    /// <summary>
    /// The user: object id or user principal name. Binds from strings and from objects of this module and of
    /// Microsoft.Graph, Entra and Exchange Online cmdlets, by the first of their id properties that has a value (see
    /// <see cref="UserIdTransformationAttribute"/>), so a mailbox's Entra id wins over its display identity.
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("UserPrincipalName", "ExternalDirectoryObjectId", "ObjectId", "Id")]
    [UserIdTransformation]
    public string[] UserId { get; set; } = Array.Empty<string>();

    /// <summary>
    /// The pipeline object itself, as it came (hidden): -PassThru passes on what was piped in, and a confirmation names
    /// the user by the user principal name the object carries when it bound by its id.
    /// </summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>The runspace's connection, captured on the pipeline thread: workers cannot look it up themselves.</summary>
    internal GraphConnection Connection { get; private set; } = null!;

    /// <summary>Reads users for every batch of this run, gathering their reads into few requests.</summary>
    internal UserReader Reader { get; private set; } = null!;

    protected override void BeginProcessing()
    {
        Connection = RequireConnection();
        Reader = new UserReader(Connection) { InputFlowing = true };
        _batcher = new UserBatcher(GraphBatchClient.MaxItemsPerBatch);
    }

    protected override void ProcessRecord()
    {
        // Only a single user from one pipeline object can borrow that object's user principal name.
        _upnOfInput = UserId.Length == 1 && InputObject is not null ? UserIdTransformationAttribute.UserPrincipalNameOf(InputObject) : null;
        foreach (string raw in UserId)
        {
            string userId;
            try
            {
                userId = UserIdentifier.Normalize(raw);
            }
            catch (ContainmentException ex)
            {
                WriteContainmentError(ex);
                continue;
            }

            // Each user once, before asking: a user named twice, or arriving with each of its actions from Revoke, is
            // confirmed once.
            if (!_batcher!.Claim(userId) || !Admit(userId))
            {
                continue;
            }

            _usersKnown++;
            if (_batcher.Add(userId) is { } batch)
            {
                StartBatch(batch);
            }
        }

        Bridge.Drain();
    }

    protected override void EndProcessing()
    {
        if (_batcher?.Flush() is { } batch)
        {
            StartBatch(batch);
        }

        Reader.InputFlowing = false;
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

    /// <summary>What the progress bar says this cmdlet is doing ("Revoking sessions").</summary>
    private protected abstract string ProgressActivity { get; }

    /// <summary>Whether to end with one <see cref="ContainmentSummary"/> of everything written (-Summary).</summary>
    private protected virtual bool WantsSummary => false;

    private protected override void OnResult(object result) => _tally.Count(result is PSObject shown ? shown.BaseObject : result);

    private protected override void OnError(ErrorRecord error) => _tally.CountError();

    /// <summary>
    /// How a confirmation names the user: with the user principal name beside the id, from the piped object, or, when
    /// only an object id is known and a person is about to be asked, read from Graph. -WhatIf and unasked runs send
    /// nothing for it.
    /// </summary>
    private protected string TargetName(string userId, bool highImpact)
    {
        if (!Guid.TryParse(userId, out _))
        {
            return userId;
        }

        string? upn = _upnOfInput;
        if (upn is null && WillAsk(highImpact))
        {
            // Read on its own, not gathered with the batches' reads: a person is waiting for the question. A user that
            // cannot be read is still asked about by id; the work itself then reports why.
            var reader = new UserReader(Connection);
            int finished = 0;
            Bridge.Start(
                async () =>
                {
                    try
                    {
                        upn = (await reader.LookUpAsync(new[] { userId }, StopToken).ConfigureAwait(false))[0].User?.UserPrincipalName;
                    }
                    finally
                    {
                        Volatile.Write(ref finished, 1);
                    }
                },
                StopToken);
            try
            {
                Bridge.WaitUntil(() => Volatile.Read(ref finished) == 1, StopToken);
            }
            catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        return upn is null ? userId : $"{upn} ({userId})";
    }

    private void ShowProgress()
    {
        _progressShown = true;
        WriteProgress(new ProgressRecord(MyInvocation.PipelinePosition, ProgressActivity, $"{_usersDone} of {_usersKnown} user(s) done")
        {
            PercentComplete = _usersKnown == 0 ? 0 : Math.Min(100, _usersDone * 100 / _usersKnown),
        });
    }

    /// <summary>Work that waits for every batch, such as sending what was gathered across batches.</summary>
    private protected virtual Task FinishAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Whether to work on this well-formed user at all (ShouldProcess, safety checks); the default admits everyone.</summary>
    private protected virtual bool Admit(string userId) => true;

    /// <summary>Does this cmdlet's work for one batch of distinct, well-formed user ids, reporting through the bridge.</summary>
    private protected abstract Task ProcessBatchAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken);

    private void StartBatch(IReadOnlyList<string> userIds)
    {
        try
        {
            if (Bridge.Running >= BatchesAtOnce)
            {
                // No batch can start until one finishes, and finishing may need the read its workers wait for.
                Reader.InputFlowing = false;
                Bridge.WaitUntil(() => Bridge.Running < BatchesAtOnce, StopToken);
                Reader.InputFlowing = true;
            }
        }
        catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }

        // Joined here, on the pipeline thread, so the reader never sends a read this batch could still have joined.
        IDisposable reading = Reader.Join();
        ShowProgress();
        Bridge.Start(
            async () =>
            {
                try
                {
                    using (reading)
                    {
                        await ProcessBatchAsync(userIds, StopToken).ConfigureAwait(false);
                    }
                }
                finally
                {
                    // Done either way: a batch that failed has reported its users' errors.
                    Bridge.Post(() =>
                    {
                        _usersDone += userIds.Count;
                        ShowProgress();
                    });
                }
            },
            StopToken);
    }
}

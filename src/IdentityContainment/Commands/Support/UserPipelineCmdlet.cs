using System.Management.Automation;
using IdentityContainment.Connection;
using IdentityContainment.Errors;
using IdentityContainment.Graph;
using IdentityContainment.Pipeline;
using IdentityContainment.Users;

namespace IdentityContainment.Commands.Support;

/// <summary>
/// A cmdlet that takes users from the pipeline and works on them in Graph batches of 20, a few batches in flight,
/// writing results as each batch returns. A bad id is reported and the rest go on.
/// </summary>
public abstract class UserPipelineCmdlet : ContainmentCmdlet
{
    /// <summary>Batches in flight at once: enough to hide latency, few enough to stay inside Graph's budgets.</summary>
    protected const int MaxBatchesInFlight = 4;

    private UserBatcher? _batcher;

    /// <summary>
    /// The user: object id or user principal name. Binds from strings and from objects of Microsoft.Graph, Entra and
    /// Exchange Online cmdlets; the aliases are tried in order, so a mailbox's Entra id wins over its display identity.
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("UserPrincipalName", "ExternalDirectoryObjectId", "ObjectId", "Id")]
    public string[] UserId { get; set; } = Array.Empty<string>();

    /// <summary>How many users one Graph request carries: one batch of 20 items.</summary>
    protected virtual int BatchSize => GraphBatchClient.MaxItemsPerBatch;

    /// <summary>The runspace's connection, captured on the pipeline thread: workers cannot look it up themselves.</summary>
    internal GraphConnection Connection { get; private set; } = null!;

    protected override void BeginProcessing()
    {
        Connection = RequireConnection();
        _batcher = new UserBatcher(BatchSize);
    }

    protected override void ProcessRecord()
    {
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

            if (!Admit(userId))
            {
                continue;
            }

            if (_batcher!.Add(userId) is { } batch)
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

        WaitForWork();
        if (!StopToken.IsCancellationRequested)
        {
            Bridge.Start(() => FinishAsync(StopToken), StopToken);
            WaitForWork();
        }
    }

    /// <summary>Work that waits for every batch, such as sending what was gathered across batches.</summary>
    private protected virtual Task FinishAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Refuses the account this session is signed in with, unless the operator insists: revoking or resetting it would
    /// cut the responder off in the middle of the incident. Returns true when the user was refused.
    /// </summary>
    private protected bool RefuseOwnAccount(string userId, string whatWouldHappen, bool force)
    {
        ContainmentContext context = Connection.Context;
        bool own = context.PermissionType == "Delegated"
            && (string.Equals(userId, context.AccountId, StringComparison.OrdinalIgnoreCase)
                || string.Equals(userId, context.Account, StringComparison.OrdinalIgnoreCase));
        if (!own || force)
        {
            return false;
        }

        WriteContainmentError(new ContainmentException(
            ContainmentErrorKind.NotSupported,
            "OwnAccountRefused",
            $"'{userId}' is the account this session is signed in with: {whatWouldHappen} would cut you off in the middle of the incident. Sign in as another responder, or add -Force if this account really is compromised.",
            userId));
        return true;
    }

    /// <summary>Whether to work on this well-formed user at all (ShouldProcess, safety checks); the default admits everyone.</summary>
    private protected virtual bool Admit(string userId) => true;

    /// <summary>Does this cmdlet's work for one batch of distinct, well-formed user ids, reporting through the bridge.</summary>
    private protected abstract Task ProcessBatchAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken);

    private void StartBatch(IReadOnlyList<string> userIds)
    {
        try
        {
            Bridge.WaitUntil(() => Bridge.Running < MaxBatchesInFlight, StopToken);
        }
        catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }

        Bridge.Start(() => ProcessBatchAsync(userIds, StopToken), StopToken);
    }
}

using System.Management.Automation;
using IdentityContainment.Connection;
using IdentityContainment.Errors;

namespace IdentityContainment.Commands.Support;

/// <summary>
/// The base of every cmdlet: a cancellation token that Ctrl+C trips, a bridge that runs Graph work off the pipeline
/// thread and writes its results back on it, and the connection check.
/// </summary>
public abstract class ContainmentCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private PipelineBridge? _bridge;
    private bool _yesToAll;
    private bool _noToAll;

    protected CancellationToken StopToken => _stopping.Token;

    internal PipelineBridge Bridge => _bridge ??= new PipelineBridge(WriteVerbose, ex => WriteErrorRecord(ErrorRecords.Unexpected(ex, null)));

    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>The runspace's connection, or a terminating error that says to run Connect-IdentityContainment.</summary>
    internal GraphConnection RequireConnection()
    {
        GraphConnection? connection = ConnectionStore.Current;
        if (connection is null)
        {
            ThrowTerminatingError(ErrorRecords.NotConnected());
        }

        return connection!;
    }

    /// <summary>Runs one piece of async work to its end, writing its verbose output as it goes; its errors are terminating.</summary>
    protected T RunToEnd<T>(Func<CancellationToken, Task<T>> work)
    {
        T? result = default;
        Exception? failure = null;
        Bridge.Start(
            async () =>
            {
                try
                {
                    result = await work(StopToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !StopToken.IsCancellationRequested)
                {
                    failure = ex;
                }
            },
            StopToken);
        WaitForWork();

        if (failure is not null)
        {
            ThrowTerminatingError(ErrorRecords.Unexpected(failure, null));
        }

        return result!;
    }

    /// <summary>Writes the work's output until all started work is done.</summary>
    protected void WaitForWork()
    {
        try
        {
            Bridge.WaitForAll(StopToken);
        }
        catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    protected void WriteContainmentError(ContainmentException error) => WriteErrorRecord(ErrorRecords.From(error));

    /// <summary>Writes a result of this command; every result goes through here, so a summary can count it.</summary>
    internal void WriteResult(object result)
    {
        OnResult(result);
        WriteObject(result);
    }

    /// <summary>Writes a non-terminating error of this command; every error goes through here, so a summary can count it.</summary>
    internal void WriteErrorRecord(ErrorRecord error)
    {
        OnError(error);
        WriteError(error);
    }

    /// <summary>Sees each result as it is written, on the pipeline thread.</summary>
    private protected virtual void OnResult(object result)
    {
    }

    /// <summary>Sees each non-terminating error as it is written, on the pipeline thread.</summary>
    private protected virtual void OnError(ErrorRecord error)
    {
    }

    /// <summary>
    /// ShouldProcess, and for a high-impact variant of a medium-impact cmdlet (Revoke -DisableAccount) the confirmation
    /// a ConfirmImpact of High would ask for: unless -Confirm:$false, -WhatIf or $ConfirmPreference = 'None'. Asked
    /// once per user, with "Yes to All" and "No to All", and never when ShouldProcess has just asked.
    /// </summary>
    protected bool ShouldProcessWithImpact(string target, string action, bool highImpact)
    {
        if (!ShouldProcess(target, action))
        {
            return false;
        }

        if (!highImpact || MyInvocation.BoundParameters.ContainsKey("Confirm"))
        {
            return true;
        }

        // ShouldProcess already asked when the preference is at or below this cmdlet's own (Medium) impact.
        if (ConfirmPreference is ConfirmImpact.None or ConfirmImpact.Low or ConfirmImpact.Medium)
        {
            return true;
        }

        return ShouldContinue($"{action} on '{target}'?", "Confirm high-impact containment", ref _yesToAll, ref _noToAll);
    }

    /// <summary>
    /// Whether a person will be asked to confirm a change of this impact (the cmdlet's own, or High): -Confirm says so
    /// either way, -WhatIf never asks, otherwise $ConfirmPreference decides as ShouldProcess would.
    /// </summary>
    private protected bool WillAsk(bool highImpact)
    {
        bool whatIf = MyInvocation.BoundParameters.TryGetValue("WhatIf", out object? bound)
            ? bound is SwitchParameter { IsPresent: true }
            : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
        if (whatIf)
        {
            return false;
        }

        if (MyInvocation.BoundParameters.TryGetValue("Confirm", out object? confirm) && confirm is SwitchParameter asked)
        {
            return asked.IsPresent;
        }

        ConfirmImpact impact = highImpact
            ? ConfirmImpact.High
            : GetType().GetCustomAttributes(typeof(CmdletAttribute), false).OfType<CmdletAttribute>().FirstOrDefault()?.ConfirmImpact ?? ConfirmImpact.Medium;
        return ConfirmPreference != ConfirmImpact.None && ConfirmPreference <= impact;
    }

    private ConfirmImpact ConfirmPreference => GetVariableValue("ConfirmPreference") is ConfirmImpact level ? level : ConfirmImpact.High;

    /// <summary>
    /// The pipeline ends without StopProcessing when a later command stops it (Select-Object -First) or an error is
    /// terminating (-ErrorAction Stop): no work may go on unseen after that.
    /// </summary>
    public void Dispose()
    {
        _stopping.Cancel();
        GC.SuppressFinalize(this);
    }
}

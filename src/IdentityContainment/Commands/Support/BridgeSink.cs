using System.Management.Automation;
using IdentityContainment.Errors;
using IdentityContainment.Pipeline;

namespace IdentityContainment.Commands.Support;

/// <summary>Hands the engine's results to the pipeline thread as output objects and error records.</summary>
internal sealed class BridgeSink<T> : IResultSink<T>
{
    private readonly ContainmentCmdlet _cmdlet;
    private readonly PipelineBridge _bridge;
    private readonly Func<T, object>? _shape;

    /// <summary>
    /// <paramref name="shape"/> turns a result into what is written, when the cmdlet was asked for another form.
    /// </summary>
    public BridgeSink(ContainmentCmdlet cmdlet, PipelineBridge bridge, Func<T, object>? shape = null)
    {
        _cmdlet = cmdlet;
        _bridge = bridge;
        _shape = shape;
    }

    public void Succeeded(T result) => _bridge.Post(() => _cmdlet.WriteResult(_shape is null ? result! : _shape(result)));

    public void Failed(ContainmentException error) => _bridge.Post(() => _cmdlet.WriteErrorRecord(ErrorRecords.From(error)));

    public void Warn(string message) => _bridge.Post(() => _cmdlet.WriteWarning(message));
}

using System.Management.Automation;
using IdentityContainment.Commands.Support;

namespace IdentityContainment.Commands;

/// <summary>Forgets this runspace's connection. Safe to call when not connected, so runbooks can call it in a finally block.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "IdentityContainment")]
public sealed class DisconnectIdentityContainmentCommand : PSCmdlet
{
    protected override void EndProcessing()
    {
        using Connection.GraphConnection? connection = ConnectionStore.Remove();
        WriteVerbose(connection is null ? "Not connected; nothing to disconnect." : $"Disconnected from {connection.Context}.");
    }
}

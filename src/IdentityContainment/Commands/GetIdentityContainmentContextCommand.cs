using System.Management.Automation;
using IdentityContainment.Commands.Support;

namespace IdentityContainment.Commands;

/// <summary>Shows this runspace's connection: tenant, account, permissions, endpoint and token expiry. Writes nothing when not connected.</summary>
[Cmdlet(VerbsCommon.Get, "IdentityContainmentContext")]
[OutputType(typeof(ContainmentContext))]
public sealed class GetIdentityContainmentContextCommand : PSCmdlet
{
    protected override void EndProcessing()
    {
        if (ConnectionStore.Current is { } connection)
        {
            WriteObject(connection.Context);
        }
    }
}

using System.Management.Automation;
using IdentityContainment.Commands.Support;
using IdentityContainment.Users;

namespace IdentityContainment.Commands;

/// <summary>
/// Reads users' containment state: enabled, sessions valid from, last password change, synced from on-premises, guest.
/// </summary>
[Cmdlet(VerbsCommon.Get, "ContainmentUser")]
[OutputType(typeof(ContainmentUser))]
public sealed class GetContainmentUserCommand : UserPipelineCmdlet
{
    private protected override string ProgressActivity => "Reading users";

    private protected override Task ProcessBatchAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken) =>
        Reader.ReadAsync(userIds, new BridgeSink<ContainmentUser>(this, Bridge), cancellationToken);
}

using System.Management.Automation;
using IdentityContainment.Applications;
using IdentityContainment.Commands.Support;

namespace IdentityContainment.Commands;

/// <summary>
/// Puts back grants and app role assignments that Remove-SuspiciousOAuthGrant removed, from the before-images in its
/// output: the way back from a false positive.
/// </summary>
[Cmdlet(VerbsData.Restore, "OAuthGrant", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ContainmentAction))]
public sealed class RestoreOAuthGrantCommand : BatchingCmdlet<ContainmentAction>
{
    private GrantRestore? _restore;

    /// <summary>Removals from Remove-SuspiciousOAuthGrant (or read back from its saved output), each with its before-image.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public ContainmentAction[] InputObject { get; set; } = Array.Empty<ContainmentAction>();

    private protected override string ProgressActivity => "Restoring consent grants";

    private protected override string ItemNoun => "grant(s)";

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        _restore = new GrantRestore(Connection);
    }

    private protected override IEnumerable<ContainmentAction> ItemsOfRecord() => InputObject;

    private protected override string KeyOf(ContainmentAction removal) => removal.Action + "/" + removal.Target;

    private protected override bool Admit(ContainmentAction removal) =>
        ShouldProcess(removal.Target ?? "(no target)", $"Restore what {removal.Action} removed" + (removal.UserPrincipalName is { } upn ? $" for {upn}" : string.Empty));

    private protected override Task ProcessBatchAsync(IReadOnlyList<ContainmentAction> removals, CancellationToken cancellationToken) =>
        _restore!.RestoreAsync(removals, new BridgeSink<ContainmentAction>(this, Bridge), cancellationToken);
}

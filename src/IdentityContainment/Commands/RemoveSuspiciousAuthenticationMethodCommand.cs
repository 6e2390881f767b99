using System.Management.Automation;
using IdentityContainment.AuthenticationMethods;
using IdentityContainment.Commands.Support;
using IdentityContainment.Errors;

namespace IdentityContainment.Commands;

/// <summary>
/// Deletes exactly the authentication methods the findings piped in name, each through its kind's own Graph path, and
/// nothing else: the user's own methods survive. Each action keeps the method as Graph held it just before (never a
/// secret); Graph's refusals (a default method, a mobile number beside an alternate, the password) say what to do.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "SuspiciousAuthenticationMethod", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(ContainmentAction))]
public sealed class RemoveSuspiciousAuthenticationMethodCommand : BatchingCmdlet<AuthenticationMethodFinding>
{
    private AuthenticationMethodRemoval? _removal;

    /// <summary>Findings from Get-SuspiciousAuthenticationMethod, live or re-imported from evidence.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public PSObject[] InputObject { get; set; } = Array.Empty<PSObject>();

    private protected override string ProgressActivity => "Removing authentication methods";

    private protected override string ItemNoun => "method(s)";

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        _removal = new AuthenticationMethodRemoval(Connection);
    }

    private protected override IEnumerable<AuthenticationMethodFinding> ItemsOfRecord()
    {
        foreach (PSObject input in InputObject)
        {
            AuthenticationMethodFinding? finding = AuthenticationMethodFindingInput.Read(input, out string? problem);
            if (finding is null)
            {
                WriteContainmentError(new ContainmentException(ContainmentErrorKind.InvalidArgument, "NotAnAuthenticationMethodFinding", problem!, input));
                continue;
            }

            yield return finding;
        }
    }

    private protected override string KeyOf(AuthenticationMethodFinding finding) => finding.UserId.ToLowerInvariant() + "/" + finding.MethodId;

    private protected override bool Admit(AuthenticationMethodFinding finding)
    {
        string detail = finding.DisplayDetail.Length > 0 ? $" ({finding.DisplayDetail})" : string.Empty;
        return ShouldProcess(
            $"{finding.Type} method {finding.MethodId}{detail} of {finding.UserPrincipalName ?? finding.UserId}",
            $"Remove the {finding.RiskLevel}-risk authentication method");
    }

    private protected override Task ProcessBatchAsync(IReadOnlyList<AuthenticationMethodFinding> findings, CancellationToken cancellationToken) =>
        _removal!.RemoveAsync(findings, new BridgeSink<ContainmentAction>(this, Bridge), cancellationToken);
}

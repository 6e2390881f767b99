using System.Management.Automation;
using IdentityContainment.Applications;
using IdentityContainment.Commands.Support;
using IdentityContainment.Containment;
using IdentityContainment.Pipeline;
using IdentityContainment.Users;

namespace IdentityContainment.Commands;

/// <summary>
/// Removes the grants and app role assignments that findings of Get-SuspiciousOAuthGrant name, keeping each as a
/// before-image in the output so it can be restored; optionally disables the apps and revokes the consenting users'
/// sessions, since tokens already issued outlive the grant.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "SuspiciousOAuthGrant", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = FindingSet)]
[OutputType(typeof(ContainmentAction))]
public sealed class RemoveSuspiciousOAuthGrantCommand : BatchingCmdlet<OAuthGrantFinding>
{
    private const string FindingSet = "Finding";
    private const string IdSet = "GrantId";

    private readonly HashSet<string> _consentingUsers = new(StringComparer.OrdinalIgnoreCase);
    private GrantRemoval? _removal;
    private UserReader? _reader;

    /// <summary>The findings to act on, from Get-SuspiciousOAuthGrant.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = FindingSet)]
    [ValidateNotNull]
    public OAuthGrantFinding[] InputObject { get; set; } = Array.Empty<OAuthGrantFinding>();

    /// <summary>Delegated grants (oauth2PermissionGrant ids) to remove without a finding, as an analyst copied them.</summary>
    [Parameter(Mandatory = true, ParameterSetName = IdSet)]
    [ValidateNotNullOrEmpty]
    public string[] GrantId { get; set; } = Array.Empty<string>();

    /// <summary>Also disable each finding's app, so that no consent can bring it back.</summary>
    [Parameter]
    public SwitchParameter DisableServicePrincipal { get; set; }

    /// <summary>Revoke the sessions of the users whose grants were removed: tokens already issued outlive the grant.</summary>
    [Parameter]
    public SwitchParameter RevokeUserSessions { get; set; }

    /// <summary>Also remove tenant-wide (AllPrincipals) grants, which every user of the tenant holds.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    private protected override string ProgressActivity => "Removing consent grants";

    private protected override string ItemNoun => "grant(s)";

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        _removal = new GrantRemoval(Connection, new GrantRemovalOptions { DisableServicePrincipal = DisableServicePrincipal, AllowTenantWide = Force });
    }

    private protected override IReadOnlyList<IGatheringReader> CreateGatheringReaders()
    {
        _reader = new UserReader(Connection);
        return new[] { _reader };
    }

    /// <summary>An id stands for a delegated grant the engine reads before removing it: its user and app come from Graph.</summary>
    private protected override IEnumerable<OAuthGrantFinding> ItemsOfRecord() =>
        ParameterSetName == IdSet
            ? GrantId.Select(id => new OAuthGrantFinding { GrantId = id.Trim(), GrantKind = nameof(Detection.OAuth.GrantKind.Delegated) })
            : InputObject;

    private protected override string KeyOf(OAuthGrantFinding finding) => finding.GrantKind + "/" + finding.GrantId;

    private protected override bool Admit(OAuthGrantFinding finding)
    {
        string whose = finding.ConsentType == "AllPrincipals" ? "every user (AllPrincipals)" : finding.PrincipalUserPrincipalName ?? finding.PrincipalId ?? "the app itself";
        string action = (finding.Scopes.Length == 0
            ? $"Remove the delegated grant {finding.GrantId}"
            : $"Remove {string.Join(", ", finding.Scopes)} from {finding.AppDisplayName} for {whose}")
            + (DisableServicePrincipal ? ", and disable the app" : string.Empty);
        return ShouldProcess($"{finding.GrantKind} {finding.GrantId}", action);
    }

    /// <summary>The users whose own grant was removed: their sessions may still hold the app's tokens.</summary>
    private protected override void OnResult(object result)
    {
        base.OnResult(result);
        if (result is ContainmentAction { Status: ContainmentActionStatus.Succeeded, UserId.Length: > 0 } removal
            && removal.Action is ContainmentActions.RemoveOAuthGrant or ContainmentActions.RemoveAppRoleAssignment)
        {
            _consentingUsers.Add(removal.UserId);
        }
    }

    private protected override Task ProcessBatchAsync(IReadOnlyList<OAuthGrantFinding> findings, CancellationToken cancellationToken) =>
        _removal!.RemoveAsync(findings, new BridgeSink<ContainmentAction>(this, Bridge), cancellationToken);

    private protected override Task FinishAsync(CancellationToken cancellationToken)
    {
        if (_consentingUsers.Count == 0)
        {
            return Task.CompletedTask;
        }

        var sink = new BridgeSink<ContainmentAction>(this, Bridge);
        if (!RevokeUserSessions)
        {
            sink.Warn($"Access tokens the apps already hold stay valid until they expire (about an hour). Revoke the sessions of the {_consentingUsers.Count} user(s) whose grants were removed: pipe these results to Revoke-CompromisedSession, or run again with -RevokeUserSessions.");
            return Task.CompletedTask;
        }

        return new SessionRevoker(Connection, _reader!, new RevocationOptions
        {
            OwnAccount = OwnAccountGuard.For(Connection.Context, force: false, "revoking its sessions"),
            ReportedUsers = new OncePerUser(),
        }).RevokeAsync(_consentingUsers.ToList(), sink, cancellationToken);
    }
}

using System.Management.Automation;
using IdentityContainment.Commands.Support;
using IdentityContainment.Connection;
using IdentityContainment.Containment;
using IdentityContainment.Passwords;
using IdentityContainment.Pipeline;

namespace IdentityContainment.Commands;

/// <summary>
/// Sets a new random temporary password for compromised users, revoking their sessions first unless that was done
/// recently, and gives the password back as a SecureString.
/// </summary>
[Cmdlet(VerbsCommon.Reset, "CompromisedPassword", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(PasswordReset), typeof(ContainmentAction), typeof(ContainmentSummary))]
public sealed class ResetCompromisedPasswordCommand : UserPipelineCmdlet
{
    [Parameter]
    [ValidateRange(TemporaryPasswordGenerator.MinimumLength, TemporaryPasswordGenerator.MaximumLength)]
    public int Length { get; set; } = TemporaryPasswordGenerator.DefaultLength;

    [Parameter]
    public bool ForceChangePasswordNextSignIn { get; set; } = true;

    [Parameter]
    public SwitchParameter RequireMfaForChange { get; set; }

    [Parameter]
    public TimeSpan RevokedWithin { get; set; } = TimeSpan.FromMinutes(15);

    [Parameter]
    public SwitchParameter SkipRevocation { get; set; }

    [Parameter]
    public SwitchParameter AsPlainText { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public Uri? KeyVaultUri { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Also write the ContainmentAction objects piped in (from Revoke-CompromisedSession): one pipeline, the whole evidence.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>End with one ContainmentSummary: users, results per action and status (passed-through actions included), errors.</summary>
    [Parameter]
    public SwitchParameter Summary { get; set; }

    private protected override string ProgressActivity => "Resetting passwords";

    private protected override bool WantsSummary => Summary;

    private readonly OncePerUser _resetUsers = new();
    private PasswordVault? _vault;

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        if (KeyVaultUri is not null)
        {
            // Proven before any reset: a password no one can read back is worse than no reset.
            _vault = RunToEnd(stopping => PasswordVault.OpenAsync(Connection, KeyVaultUri, stopping));
        }
    }

    protected override void ProcessRecord()
    {
        // Before the reset of the same user, which comes later from its batch: the revocation is the earlier evidence.
        if (PassThru && InputObject?.BaseObject is ContainmentAction action)
        {
            WriteResult(action);
        }

        base.ProcessRecord();
    }

    private protected override bool Admit(string userId) =>
        ShouldProcess(TargetName(userId, highImpact: true), SkipRevocation ? "Reset the password" : "Revoke sessions if not done recently, then reset the password");

    private protected override Task ProcessBatchAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken)
    {
        var options = new PasswordResetOptions
        {
            Length = Length,
            ForceChangePasswordNextSignIn = ForceChangePasswordNextSignIn,
            RequireMfaForChange = RequireMfaForChange,
            RevokedWithin = RevokedWithin,
            SkipRevocation = SkipRevocation,
            Vault = _vault,
            ResetUsers = _resetUsers,
            OwnAccount = OwnAccountGuard.For(Connection.Context, Force, "resetting its password"),
        };
        return new PasswordResetter(Connection, Reader, options).ResetAsync(userIds, new BridgeSink<object>(this, Bridge, AsPlainText ? RevealPassword : null), cancellationToken);
    }

    /// <summary>The type name that selects the table view showing the password, which only -AsPlainText output carries.</summary>
    internal const string PlainTextTypeName = "IdentityContainment.PasswordReset#PlainText";

    /// <summary>
    /// -AsPlainText, like ConvertFrom-SecureString -AsPlainText: the operator asked to see the password, so it is added
    /// as text and the default view of these objects shows it. Output without -AsPlainText never has this type name.
    /// </summary>
    private static object RevealPassword(object result)
    {
        if (result is not PasswordReset { TemporaryPassword: { } password } reset)
        {
            return result;
        }

        var shown = new PSObject(reset);
        shown.TypeNames.Insert(0, PlainTextTypeName);
        shown.Properties.Add(new PSNoteProperty("TemporaryPasswordPlainText", SecureStrings.Reveal(password)));
        return shown;
    }
}

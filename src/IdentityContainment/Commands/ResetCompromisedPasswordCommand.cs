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
[OutputType(typeof(PasswordReset), typeof(ContainmentAction))]
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

    private protected override bool Admit(string userId) =>
        ShouldProcess(userId, SkipRevocation ? "Reset the password" : "Revoke sessions if not done recently, then reset the password");

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

    /// <summary>-AsPlainText, like ConvertFrom-SecureString -AsPlainText: the operator asked to see the password.</summary>
    private static object RevealPassword(object result)
    {
        if (result is not PasswordReset { TemporaryPassword: { } password } reset)
        {
            return result;
        }

        var shown = PSObject.AsPSObject(reset);
        shown.Properties.Add(new PSNoteProperty("TemporaryPasswordPlainText", SecureStrings.Reveal(password)));
        return shown;
    }
}

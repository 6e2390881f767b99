using System.Management.Automation;
using IdentityContainment.AuthenticationMethods;
using IdentityContainment.Commands.Support;
using IdentityContainment.Detection.AuthenticationMethods;
using IdentityContainment.Pipeline;
using IdentityContainment.SignIns;

namespace IdentityContainment.Commands;

/// <summary>
/// Finds the authentication methods an attacker can pass MFA or self-service reset with after the password is reset:
/// every method of each user (the polymorphic list, kinds the module does not know included), judged by the method
/// rule table against the compromise start and the sign-ins the sign-in analysis flagged.
/// </summary>
[Cmdlet(VerbsCommon.Get, "SuspiciousAuthenticationMethod", DefaultParameterSetName = UserSet)]
[OutputType(typeof(AuthenticationMethodFinding))]
public sealed class GetSuspiciousAuthenticationMethodCommand : IdentityFootholdHuntCmdlet<AuthenticationMethodFinding>
{
    private AuthenticationMethodHunt? _hunt;

    private protected override string ProgressActivity => "Reading users' authentication methods";

    private protected override void StartHunt(SignInFindingInputResult signIns) =>
        _hunt = new AuthenticationMethodHunt(Connection, new MethodHuntOptions
        {
            Criteria = new MethodReviewCriteria { Since = SinceUtc, SuspiciousSignIns = signIns.Flagged() },
            MinimumRisk = MinimumLevel,
            IncludeNonSuspicious = IncludeNonSuspicious,
        });

    private protected override Task HuntAsync(IReadOnlyList<ContainmentUser> users, IResultSink<AuthenticationMethodFinding> results, CancellationToken cancellationToken) =>
        _hunt!.HuntUsersAsync(users, results, cancellationToken);
}

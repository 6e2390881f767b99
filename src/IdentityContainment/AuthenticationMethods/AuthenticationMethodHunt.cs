using IdentityContainment.Connection;
using IdentityContainment.Detection.AuthenticationMethods;
using IdentityContainment.Pipeline;

namespace IdentityContainment.AuthenticationMethods;

/// <summary>
/// The hunt of one run of Get-SuspiciousAuthenticationMethod: each user's methods read (with the usage location the
/// phone check needs), judged as they arrive against the run's criteria, and written when the options report them.
/// </summary>
public sealed class AuthenticationMethodHunt
{
    private readonly AuthenticationMethodReader _reader;
    private readonly MethodHuntOptions _options;

    public AuthenticationMethodHunt(GraphConnection connection, MethodHuntOptions options)
    {
        _reader = new AuthenticationMethodReader(connection);
        _options = options;
    }

    public Task HuntUsersAsync(IReadOnlyList<ContainmentUser> users, IResultSink<AuthenticationMethodFinding> results, CancellationToken cancellationToken) =>
        _reader.ReadAsync(users, new JudgingSink<AuthenticationMethodFacts, AuthenticationMethodFinding>(results, Judge), cancellationToken);

    private IEnumerable<AuthenticationMethodFinding> Judge(AuthenticationMethodFacts method)
    {
        if (AuthenticationMethodJudge.Judge(method, _options.Criteria, _options.IncludeNonSuspicious) is { } finding && _options.Reports(finding))
        {
            yield return finding;
        }
    }
}

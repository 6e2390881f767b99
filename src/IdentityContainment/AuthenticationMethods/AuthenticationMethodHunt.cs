using IdentityContainment.Connection;
using IdentityContainment.Detection.AuthenticationMethods;
using IdentityContainment.Errors;
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
        _reader.ReadAsync(users, new JudgingSink(results, _options), cancellationToken);

    /// <summary>Judges each method as the reader reports it; errors and warnings pass through unchanged.</summary>
    private sealed class JudgingSink : IResultSink<AuthenticationMethodFacts>
    {
        private readonly IResultSink<AuthenticationMethodFinding> _findings;
        private readonly MethodHuntOptions _options;

        public JudgingSink(IResultSink<AuthenticationMethodFinding> findings, MethodHuntOptions options)
        {
            _findings = findings;
            _options = options;
        }

        public void Succeeded(AuthenticationMethodFacts method)
        {
            if (AuthenticationMethodJudge.Judge(method, _options.Criteria, _options.IncludeNonSuspicious) is { } finding && _options.Reports(finding))
            {
                _findings.Succeeded(finding);
            }
        }

        public void Failed(ContainmentException error) => _findings.Failed(error);

        public void Warn(string message) => _findings.Warn(message);
    }
}

using IdentityContainment.Connection;
using IdentityContainment.Detection.AuthenticationMethods;
using IdentityContainment.Pipeline;

namespace IdentityContainment.AuthenticationMethods;

/// <summary>
/// The hunt of one run of Get-SuspiciousAuthenticationMethod: each user's methods read (with the usage location the
/// phone check needs), judged as they arrive against the run's criteria, and written when the options report them.
/// With a compromise start, the security info registered since then is read from the directory audit log once, before
/// the first user: it dates the methods Graph lists without a createdDateTime.
/// </summary>
public sealed class AuthenticationMethodHunt
{
    private readonly GraphConnection _connection;
    private readonly AuthenticationMethodReader _reader;
    private readonly MethodHuntOptions _options;
    private readonly object _gate = new();
    private Task<MethodReviewCriteria>? _criteria;

    public AuthenticationMethodHunt(GraphConnection connection, MethodHuntOptions options)
    {
        _connection = connection;
        _reader = new AuthenticationMethodReader(connection);
        _options = options;
    }

    public async Task HuntUsersAsync(IReadOnlyList<ContainmentUser> users, IResultSink<AuthenticationMethodFinding> results, CancellationToken cancellationToken)
    {
        Task<MethodReviewCriteria> reading;
        lock (_gate)
        {
            // Batches may run side by side: the first one reads the log, the others wait for the same read.
            reading = _criteria ??= CriteriaAsync(results, cancellationToken);
        }

        MethodReviewCriteria criteria = await reading.ConfigureAwait(false);
        await _reader.ReadAsync(users, new JudgingSink<AuthenticationMethodFacts, AuthenticationMethodFinding>(results, m => Judge(m, criteria)), cancellationToken).ConfigureAwait(false);
    }

    private async Task<MethodReviewCriteria> CriteriaAsync(IResultSink<AuthenticationMethodFinding> results, CancellationToken cancellationToken) =>
        _options.Criteria.Since is { } since
            ? _options.Criteria with { Registrations = await SecurityInfoLog.ReadAsync(_connection, since, results, cancellationToken).ConfigureAwait(false) }
            : _options.Criteria;

    private IEnumerable<AuthenticationMethodFinding> Judge(AuthenticationMethodFacts method, MethodReviewCriteria criteria)
    {
        if (AuthenticationMethodJudge.Judge(method, criteria, _options.IncludeNonSuspicious) is { } finding && _options.Reports(finding))
        {
            yield return finding;
        }
    }
}

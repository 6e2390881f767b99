using IdentityContainment.Connection;
using IdentityContainment.Detection.AuthenticationMethods;
using IdentityContainment.Pipeline;

namespace IdentityContainment.AuthenticationMethods;

/// <summary>
/// The hunt of one run of Get-SuspiciousAuthenticationMethod: each user's methods read (with the usage location the
/// phone check needs), judged as they arrive against the run's criteria, and written when the options report them.
/// With a compromise start or flagged sign-ins, the security info registered since then is read from the directory audit
/// log once, before the first user: it dates the methods Graph lists without a createdDateTime.
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

    /// <summary>
    /// The run's criteria with the security info registered since the compromise start, or, without one, since the
    /// earliest flagged sign-in (a method registered in its session is dated by the log too). Neither: nothing to read.
    /// </summary>
    private async Task<MethodReviewCriteria> CriteriaAsync(IResultSink<AuthenticationMethodFinding> results, CancellationToken cancellationToken)
    {
        MethodReviewCriteria criteria = _options.Criteria;
        DateTimeOffset? from = criteria.Since ?? criteria.SuspiciousSignIns.Select(s => (DateTimeOffset?)s.At).Min();
        return from is { } start
            ? criteria with { Registrations = await SecurityInfoLog.ReadAsync(_connection, start, results, cancellationToken).ConfigureAwait(false) }
            : criteria;
    }

    private IEnumerable<AuthenticationMethodFinding> Judge(AuthenticationMethodFacts method, MethodReviewCriteria criteria)
    {
        if (AuthenticationMethodJudge.Judge(method, criteria, _options.IncludeNonSuspicious) is { } finding && _options.Reports(finding))
        {
            yield return finding;
        }
    }
}

using System.Text.Json.Nodes;
using IdentityContainment.Connection;
using IdentityContainment.Errors;
using IdentityContainment.Graph;
using IdentityContainment.Pipeline;

namespace IdentityContainment.Containment;

/// <summary>
/// Confirms users compromised in Identity Protection: their user risk becomes high, so risk-based Conditional Access
/// blocks or forces a secure password change wherever they sign in. The service takes one request per second, so
/// users from many batches are gathered into one call; what is left is sent by <see cref="FlushAsync"/>.
/// </summary>
public sealed class CompromiseConfirmer
{
    /// <summary>
    /// Users per call: Graph documents 60 as the most one dismiss call takes (beta riskyUsers-dismiss page), and the
    /// confirmCompromised page states no bound of its own, so the same 60 (the sandbox refuses more).
    /// </summary>
    public const int UsersPerCall = 60;

    private readonly GraphConnection _connection;
    private readonly object _lock = new();
    private List<(ContainmentUser User, IResultSink<ContainmentAction> Results)> _waiting = new();

    public CompromiseConfirmer(GraphConnection connection) => _connection = connection;

    /// <summary>Queues users; sends a call once enough are waiting.</summary>
    public Task ConfirmAsync(IReadOnlyList<ContainmentUser> users, IResultSink<ContainmentAction> results, CancellationToken cancellationToken)
    {
        if (RiskyUsersUnavailable())
        {
            ReportUnavailable(users, results);
            return Task.CompletedTask;
        }

        List<(ContainmentUser, IResultSink<ContainmentAction>)>? full = null;
        lock (_lock)
        {
            _waiting.AddRange(users.Select(u => (u, results)));
            if (_waiting.Count >= UsersPerCall)
            {
                full = _waiting;
                _waiting = new();
            }
        }

        return full is null ? Task.CompletedTask : SendAsync(full, cancellationToken);
    }

    /// <summary>Sends whatever is still waiting, in calls of at most <see cref="UsersPerCall"/>.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        List<(ContainmentUser, IResultSink<ContainmentAction>)> rest;
        lock (_lock)
        {
            rest = _waiting;
            _waiting = new();
        }

        await SendAsync(rest, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Identity Protection's riskyUser API is not offered by Microsoft Graph operated by 21Vianet: the national cloud
    /// table of the v1.0 riskyUser pages (riskyuser-confirmcompromised, riskyuser-list, riskyuser-dismiss on
    /// learn.microsoft.com) marks "China operated by 21Vianet" unavailable. There is nothing to call, so each user is
    /// told so instead of getting Graph's error for a path that does not exist there.
    /// </summary>
    private bool RiskyUsersUnavailable() =>
        string.Equals(_connection.Context.Environment, nameof(CloudEnvironment.China), StringComparison.OrdinalIgnoreCase);

    private static void ReportUnavailable(IReadOnlyList<ContainmentUser> users, IResultSink<ContainmentAction> results)
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        foreach (ContainmentUser user in users)
        {
            string target = user.UserPrincipalName ?? user.Id;
            string message = results.FailedWith(new ContainmentException(
                ContainmentErrorKind.NotSupported,
                "RiskyUsersNotInChinaCloud",
                $"{target} was not confirmed compromised: Identity Protection's risky users API is not available in Microsoft Graph operated by 21Vianet (China). "
                + "Confirm the compromise another way, for example in your incident record, and keep the account blocked (-DisableAccount) until its password is reset.",
                target));
            results.Succeeded(Confirmation(user, ContainmentActionStatus.Skipped, now, message));
        }
    }

    private async Task SendAsync(List<(ContainmentUser User, IResultSink<ContainmentAction> Results)> queued, CancellationToken cancellationToken)
    {
        foreach (var call in queued.InChunksOf(UsersPerCall))
        {
            await SendOneAsync(call, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SendOneAsync(List<(ContainmentUser User, IResultSink<ContainmentAction> Results)> queued, CancellationToken cancellationToken)
    {
        if (queued.Count == 0)
        {
            return;
        }

        List<ContainmentUser> users = queued.Select(q => q.User).ToList();

        string status = ContainmentActionStatus.Succeeded;
        string? message = null;
        string target = users.Count == 1 ? users[0].UserPrincipalName ?? users[0].Id : $"{users.Count} users ({string.Join(", ", users.Take(3).Select(u => u.UserPrincipalName ?? u.Id))}{(users.Count > 3 ? ", ..." : string.Empty)})";
        ContainmentException? error = null;
        try
        {
            var body = new JsonObject { ["userIds"] = new JsonArray(users.Select(u => (JsonNode)u.Id).ToArray()) };
            // The connection's budgets space Identity Protection calls to its one request per second.
            GraphCallAnswer answer = await _connection.SendJsonAsync(HttpMethod.Post, "/identityProtection/riskyUsers/confirmCompromised", body, cancellationToken).ConfigureAwait(false);
            if (!answer.IsSuccess)
            {
                error = GraphErrorTranslator.Translate(answer.Error, GraphOperation.ConfirmCompromised, target);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            error = GraphErrorTranslator.Unexpected(ex, GraphOperation.ConfirmCompromised, target);
        }

        if (error is not null)
        {
            foreach (IResultSink<ContainmentAction> sink in queued.Select(q => q.Results).Distinct())
            {
                sink.Failed(error);
            }

            status = ContainmentActionStatus.Failed;
            message = error.Message;
        }

        DateTimeOffset answeredAt = DateTimeOffset.UtcNow;
        foreach ((ContainmentUser user, IResultSink<ContainmentAction> results) in queued)
        {
            results.Succeeded(Confirmation(user, status, answeredAt, message));
        }
    }

    private static ContainmentAction Confirmation(ContainmentUser user, string status, DateTimeOffset at, string? message) => new()
    {
        UserId = user.Id,
        UserPrincipalName = user.UserPrincipalName,
        Action = ContainmentActions.ConfirmCompromised,
        Target = user.Id,
        Status = status,
        Timestamp = at,
        Message = message,
    };
}

using IdentityContainment.Connection;
using IdentityContainment.Errors;
using IdentityContainment.Graph;
using IdentityContainment.Pipeline;
using Microsoft.Graph.IdentityProtection.RiskyUsers.ConfirmCompromised;
using Microsoft.Graph.Models.ODataErrors;

namespace IdentityContainment.Containment;

/// <summary>
/// Confirms users compromised in Identity Protection: their user risk becomes high, so risk-based Conditional Access
/// blocks or forces a secure password change wherever they sign in. One call carries many users, paced to the
/// service's one request per second.
/// </summary>
internal sealed class CompromiseConfirmer
{
    private readonly GraphConnection _connection;

    public CompromiseConfirmer(GraphConnection connection) => _connection = connection;

    public async Task ConfirmAsync(IReadOnlyList<ContainmentUser> users, IResultSink<ContainmentAction> results, CancellationToken cancellationToken)
    {
        if (users.Count == 0)
        {
            return;
        }

        string status = ContainmentActionStatus.Succeeded;
        string? message = null;
        try
        {
            await _connection.IdentityProtection.RunAsync(
                async () =>
                {
                    await _connection.Client.IdentityProtection.RiskyUsers.ConfirmCompromised.PostAsync(
                        new ConfirmCompromisedPostRequestBody { UserIds = users.Select(u => u.Id).ToList() },
                        cancellationToken: cancellationToken).ConfigureAwait(false);
                    return true;
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (ODataError ex)
        {
            ContainmentException error = GraphErrorTranslator.Translate(GraphConnector.ToGraphError(ex), GraphOperation.ConfirmCompromised, string.Join(", ", users.Select(u => u.UserPrincipalName)));
            results.Failed(error);
            status = ContainmentActionStatus.Failed;
            message = error.Message;
        }

        DateTimeOffset answeredAt = DateTimeOffset.UtcNow;
        foreach (ContainmentUser user in users)
        {
            results.Succeeded(new ContainmentAction
            {
                UserId = user.Id,
                UserPrincipalName = user.UserPrincipalName,
                Action = ContainmentActions.ConfirmCompromised,
                Target = user.Id,
                Status = status,
                Timestamp = answeredAt,
                Message = message,
            });
        }
    }
}

using System.Text;
using System.Text.Json.Nodes;
using IdentityContainment.Connection;
using IdentityContainment.Errors;
using IdentityContainment.Graph;

namespace IdentityContainment.Containment;

/// <summary>
/// Resets a synchronized user's password through the password authentication method, which Entra ID writes back to
/// on-premises AD. Delegated sign-in only (Graph offers no app permission for it); Graph accepts with 202 and a
/// long-running operation to poll until it succeeds or fails.
/// </summary>
internal sealed class PasswordWriteback
{
    /// <summary>The well-known id of every user's password authentication method.</summary>
    private const string PasswordMethodId = "28c10230-6103-485e-b985-444c60001490";

    /// <summary>How long to follow the operation before handing it to the operator as still running.</summary>
    public static readonly TimeSpan PollingLimit = TimeSpan.FromMinutes(2);

    private readonly GraphConnection _connection;

    public PasswordWriteback(GraphConnection connection) => _connection = connection;

    /// <summary>Succeeded, or unconfirmed (still running after <see cref="PollingLimit"/>, or its operation is on another
    /// host); throws a ContainmentException saying why it failed.</summary>
    public async Task<WritebackOutcome> ResetAsync(ContainmentUser user, char[] password, CancellationToken cancellationToken)
    {
        string body = new JsonObject { ["newPassword"] = new string(password) }.ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, _connection.UriFor($"/users/{user.Id}/authentication/methods/{PasswordMethodId}/resetPassword"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        using HttpResponseMessage accepted = await _connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
        string? requestId = GraphCallLogHandler.HeaderValue(accepted, "request-id");
        if (!accepted.IsSuccessStatusCode)
        {
            JsonNode? error = await GraphCall.ReadJsonAsync(accepted).ConfigureAwait(false);
            throw GraphErrorTranslator.Translate(GraphError.From((int)accepted.StatusCode, error, requestId), GraphOperation.ResetPasswordWriteback, user.UserPrincipalName ?? user.Id);
        }

        if (accepted.Headers.Location is not { } location)
        {
            return new WritebackOutcome(requestId, null);
        }

        Uri operation = location.IsAbsoluteUri ? location : new Uri(request.RequestUri!, location);
        if (!TokenDestinations.MayCarryToken(operation, _connection.GraphEndpoint))
        {
            // Polling means sending the token; an operation on another host (or over plain http) could be anyone's.
            return new WritebackOutcome(requestId, operation, $"Graph accepted the reset but named an operation to follow on another host ({operation.GetLeftPart(UriPartial.Authority)}), which was not followed so that the token stays with {_connection.GraphEndpoint.GetLeftPart(UriPartial.Authority)}.");
        }

        DateTimeOffset giveUpAt = DateTimeOffset.UtcNow + PollingLimit;
        TimeSpan wait = RetryPolicy.ParseRetryAfter(RetryPolicy.RetryAfterHeader(accepted.Headers)) ?? TimeSpan.FromSeconds(1);
        while (true)
        {
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            using HttpResponseMessage polled = await _connection.SendAsync(new HttpRequestMessage(HttpMethod.Get, operation), cancellationToken).ConfigureAwait(false);
            JsonNode? state = await GraphCall.ReadJsonAsync(polled).ConfigureAwait(false);
            string status = GraphJson.Text(state, "status") ?? "unknown";
            if (status.Equals("succeeded", StringComparison.OrdinalIgnoreCase))
            {
                return new WritebackOutcome(requestId, null);
            }

            if (polled.IsSuccessStatusCode && !status.Equals("failed", StringComparison.OrdinalIgnoreCase) && DateTimeOffset.UtcNow > giveUpAt)
            {
                return new WritebackOutcome(requestId, operation, $"Password writeback was still running after {PollingLimit.TotalMinutes:0} minutes.");
            }

            if (status.Equals("failed", StringComparison.OrdinalIgnoreCase) || !polled.IsSuccessStatusCode)
            {
                string detail = state?["statusDetail"]?.ToString() ?? $"status {status}";
                throw new ContainmentException(
                    ContainmentErrorKind.ServiceError,
                    "PasswordWritebackFailed",
                    $"The on-premises password reset of {user.UserPrincipalName} through password writeback did not succeed ({detail}). Check password writeback in Entra Connect, or reset the password in on-premises AD. The operation: {operation}",
                    user.Id)
                { RequestId = requestId };
            }

            wait = RetryPolicy.ParseRetryAfter(RetryPolicy.RetryAfterHeader(polled.Headers)) ?? TimeSpan.FromSeconds(1);
        }
    }
}

/// <summary>How a writeback ended: done (StillRunning null), or handed over unconfirmed, with the reason why.</summary>
internal sealed record WritebackOutcome(string? RequestId, Uri? StillRunning, string? PendingReason = null);

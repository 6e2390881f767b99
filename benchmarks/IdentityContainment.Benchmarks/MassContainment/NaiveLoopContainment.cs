using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Benchmarks.MassContainment;

/// <summary>
/// The baseline: what <c>Get-MgUser | % { Revoke-MgUserSignInSession ...; Update-MgUser -PasswordProfile ... }</c>
/// does. One user at a time, one HTTP request per call, each waiting for the last, through a plain HttpClient with
/// the same token. Like the Graph SDK, it waits out a 429's Retry-After and tries again. The listing of users is not
/// counted, which only flatters the loop.
/// </summary>
internal static class NaiveLoopContainment
{
    private const int MaxAttempts = 4;

    public sealed record Result(TimeSpan Wall, int FailedCalls, int TooManyRequests);

    public static async Task<Result> RunAsync(Uri graphEndpoint, string accessToken, IReadOnlyList<UserRecord> users, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(100) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        string baseAddress = graphEndpoint.AbsoluteUri.TrimEnd('/');
        int failed = 0, throttled = 0;

        long started = Stopwatch.GetTimestamp();
        foreach (UserRecord user in users)
        {
            (bool revoked, int revokeThrottled) = await SendAsync(client, () => new HttpRequestMessage(HttpMethod.Post, $"{baseAddress}/users/{user.Id}/revokeSignInSessions"), cancellationToken);
            var profile = new JsonObject
            {
                ["passwordProfile"] = new JsonObject { ["password"] = NewPassword(), ["forceChangePasswordNextSignIn"] = true },
            };
            string body = profile.ToJsonString();
            (bool reset, int resetThrottled) = await SendAsync(
                client,
                () => new HttpRequestMessage(HttpMethod.Patch, $"{baseAddress}/users/{user.Id}") { Content = new StringContent(body, Encoding.UTF8, "application/json") },
                cancellationToken);
            failed += (revoked ? 0 : 1) + (reset ? 0 : 1);
            throttled += revokeThrottled + resetThrottled;
        }

        return new Result(Stopwatch.GetElapsedTime(started), failed, throttled);
    }

    private static async Task<(bool Succeeded, int Throttled)> SendAsync(HttpClient client, Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        int throttled = 0;
        for (int attempt = 1; ; attempt++)
        {
            using HttpResponseMessage response = await client.SendAsync(request(), cancellationToken);
            if (response.StatusCode != HttpStatusCode.TooManyRequests || attempt == MaxAttempts)
            {
                return (response.IsSuccessStatusCode, throttled);
            }

            throttled++;
            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    // Complex enough for Entra's rules; never printed.
    private static string NewPassword() => "Nv-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)) + "x!";
}

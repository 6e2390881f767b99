using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace IdentityContainment.Benchmarks.MailboxRules;

/// <summary>
/// What a script written without thought for Graph's limits does: one mailbox at a time, its inbox rules page by page,
/// then one GET for each folder a rule moves or copies to, every request a single call waiting for the one before.
/// A 429 is waited out (Retry-After, else a second) and sent again, as a careful script would.
/// </summary>
internal static class NaiveMailboxLoop
{
    private const int MaxAttempts = 4;

    public sealed record Result(TimeSpan Wall, int Rules, int FoldersNamed, int FailedCalls, int TooManyRequests);

    public static async Task<Result> RunAsync(Uri graphEndpoint, string accessToken, IReadOnlyList<string> userIds, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(100) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        string root = graphEndpoint.AbsoluteUri.TrimEnd('/');
        int rules = 0, named = 0, failed = 0, throttled = 0;

        long started = Stopwatch.GetTimestamp();
        foreach (string userId in userIds)
        {
            string? next = $"{root}/users/{userId}/mailFolders/inbox/messageRules";
            var folderIds = new List<string>();
            while (next is not null)
            {
                (JsonNode? page, int pageThrottled) = await GetAsync(client, next, cancellationToken);
                throttled += pageThrottled;
                if (page is null)
                {
                    failed++;
                    break;
                }

                foreach (JsonNode? rule in page["value"]?.AsArray() ?? new JsonArray())
                {
                    rules++;
                    folderIds.AddRange(new[] { rule?["actions"]?["moveToFolder"], rule?["actions"]?["copyToFolder"] }.Select(f => f?.GetValue<string>()).OfType<string>());
                }

                next = page["@odata.nextLink"]?.GetValue<string>();
            }

            foreach (string folderId in folderIds)
            {
                (JsonNode? folder, int folderThrottled) = await GetAsync(client, $"{root}/users/{userId}/mailFolders/{Uri.EscapeDataString(folderId)}", cancellationToken);
                throttled += folderThrottled;
                if (folder?["displayName"] is not null)
                {
                    named++;
                }
                else
                {
                    failed++;
                }
            }
        }

        return new Result(Stopwatch.GetElapsedTime(started), rules, named, failed, throttled);
    }

    private static async Task<(JsonNode? Body, int Throttled)> GetAsync(HttpClient client, string url, CancellationToken cancellationToken)
    {
        int throttled = 0;
        for (int attempt = 1; ; attempt++)
        {
            using HttpResponseMessage response = await client.GetAsync(url, cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < MaxAttempts)
            {
                throttled++;
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), cancellationToken);
                continue;
            }

            throttled += response.StatusCode == HttpStatusCode.TooManyRequests ? 1 : 0;
            return (response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) : null, throttled);
        }
    }
}

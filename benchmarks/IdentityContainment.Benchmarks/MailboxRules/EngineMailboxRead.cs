using System.Diagnostics;
using IdentityContainment.Benchmarks.Setup;
using IdentityContainment.Connection;
using IdentityContainment.Detection.Mailbox;
using IdentityContainment.Errors;
using IdentityContainment.Mailboxes.Graph;
using IdentityContainment.Pipeline;

namespace IdentityContainment.Benchmarks.MailboxRules;

/// <summary>The engine's Graph reader, driven as Get-MailboxPersistence drives it: every mailbox in one call, its results counted as they come.</summary>
internal static class EngineMailboxRead
{
    public sealed record Result(TimeSpan Wall, TimeSpan FirstRule, int Rules, int FoldersNamed, int Errors, int Warnings);

    public static async Task<Result> RunAsync(Uri graphEndpoint, string accessToken, IReadOnlyList<ContainmentUser> users, CancellationToken cancellationToken)
    {
        using GraphConnection connection = await GraphConnector.ConnectAsync(
            new ConnectionRequest { Method = AuthenticationMethod.AccessToken, AccessToken = SecureText.From(accessToken), GraphEndpoint = graphEndpoint },
            cancellationToken);
        var counts = new Counts();
        long started = Stopwatch.GetTimestamp();
        counts.Started = started;
        await new GraphInboxRuleReader(connection).ReadAsync(users, counts, cancellationToken);
        return new Result(Stopwatch.GetElapsedTime(started), counts.FirstRule ?? TimeSpan.Zero, counts.Rules, counts.FoldersNamed, counts.Errors, counts.Warnings);
    }

    private sealed class Counts : IResultSink<InboxRuleFacts>
    {
        public long Started { get; set; }

        public TimeSpan? FirstRule { get; private set; }

        public int Rules { get; private set; }

        public int FoldersNamed { get; private set; }

        public int Errors { get; private set; }

        public int Warnings { get; private set; }

        public void Succeeded(InboxRuleFacts result)
        {
            FirstRule ??= Stopwatch.GetElapsedTime(Started);
            Rules++;
            FoldersNamed += new[] { result.MoveToFolder, result.CopyToFolder }.Count(f => f?.Name is not null);
        }

        public void Failed(ContainmentException error) => Errors++;

        public void Warn(string message) => Warnings++;
    }
}

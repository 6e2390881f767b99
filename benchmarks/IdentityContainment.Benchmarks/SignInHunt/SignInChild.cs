using System.Diagnostics;
using System.Globalization;
using IdentityContainment.Benchmarks.ColdStart;
using IdentityContainment.Benchmarks.CommandLine;
using IdentityContainment.Benchmarks.Measurement;
using IdentityContainment.Benchmarks.Setup;
using IdentityContainment.Connection;
using IdentityContainment.Graph.Budgets;
using IdentityContainment.SignIns;

namespace IdentityContainment.Benchmarks.SignInHunt;

/// <summary>
/// The child side of <see cref="SignInHuntBenchmark"/>: a process of its own, so its peak working set is the engine's and
/// not the sandbox's 200,000 sign-ins. It connects with the token from the environment and the logs' budget scaled as the
/// sandbox's is, runs <see cref="IdentityContainment.SignIns.SignInHunt"/> over the users in the file it is given (the
/// shape named, or chosen by the hunt), keeps only counts of what comes out, and prints a <see cref="SignInChildReport"/>.
/// </summary>
internal static class SignInChild
{
    public const string CommandName = "child-signins";

    /// <summary>The shape option that leaves the choice to the hunt, as Get-SuspiciousSignIn does.</summary>
    public const string ChosenShape = "Chosen";

    public static string[] Arguments(Uri graphEndpoint, string usersFile, string shape, TimeSpan logsWindow) =>
        [CommandName, "--graph-endpoint", graphEndpoint.AbsoluteUri, "--users-file", usersFile, "--shape", shape, "--logs-window-ms", ((int)logsWindow.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)];

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            CommandOptions options = CommandOptions.Parse(args);
            var graphEndpoint = new Uri(options.RequiredText("--graph-endpoint"));
            string[] userIds = File.ReadAllLines(options.RequiredText("--users-file")).Where(l => l.Length > 0).ToArray();
            string shape = options.RequiredText("--shape");
            TimeSpan logsWindow = TimeSpan.FromMilliseconds(options.Integer("--logs-window-ms", 10_000, minimum: 1));
            options.RejectUnread();
            SignInQueryShape? named = shape == ChosenShape ? null : Enum.Parse<SignInQueryShape>(shape);
            string token = Environment.GetEnvironmentVariable(ColdStartInputs.AccessTokenVariable)
                ?? throw new ArgumentException($"{ColdStartInputs.AccessTokenVariable} is not set; the token comes only from the environment.");

            output.WriteLine(SampleLine.Format(HuntAsync(graphEndpoint, token, userIds, named, logsWindow).GetAwaiter().GetResult()));
            return 0;
        }
        catch (ArgumentException ex)
        {
            error.WriteLine($"{CommandName}: {ex.Message}");
            return 1;
        }
    }

    private static async Task<SignInChildReport> HuntAsync(Uri graphEndpoint, string token, IReadOnlyList<string> userIds, SignInQueryShape? named, TimeSpan logsWindow)
    {
        using GraphConnection connection = await GraphConnector.ConnectAsync(
            new ConnectionRequest { Method = AuthenticationMethod.AccessToken, AccessToken = SecureText.From(token), GraphEndpoint = graphEndpoint },
            CancellationToken.None,
            logsWindow: logsWindow);
        ContainmentUser[] users = userIds.Select(id => new ContainmentUser { Id = id }).ToArray();
        SignInWindow window = SignInWindow.For(null, null, DateTimeOffset.UtcNow);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        long readyHeap = GC.GetTotalMemory(forceFullCollection: true);
        long readyPeak = PeakWorkingSet.OfCurrentProcess();
        var heap = new ManagedHeapPeak(readyHeap);

        // Every sign-in of the window is judged and written, suspicious or not (-IncludeNonSuspicious): the whole analysis,
        // and a count to hold against the log.
        SignInQueryChoice? choice = null;
        var options = new SignInHuntOptions { Shape = named, ShapeChosen = c => choice = c, IncludeNonSuspicious = true };
        int judged = 0, signIns = 0, flagged = 0;
        var errors = new Dictionary<string, int>();
        double? firstVerdict = null;
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        long started = Stopwatch.GetTimestamp();
        await foreach (UserSignInVerdict verdict in IdentityContainment.SignIns.SignInHunt.JudgeEachAsync(connection, users, window, CancellationToken.None, options))
        {
            firstVerdict ??= Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            judged++;
            signIns += verdict.Findings.Count;
            flagged += verdict.Findings.Count(f => f.Level > Detection.RiskLevel.None);
            if (verdict.Error is { } failed)
            {
                errors[failed.ErrorId] = errors.TryGetValue(failed.ErrorId, out int seen) ? seen + 1 : 1;
            }
        }

        TimeSpan wall = Stopwatch.GetElapsedTime(started);
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        heap.Dispose();
        return new SignInChildReport
        {
            Shape = (named ?? choice?.Shape ?? SignInQueryShape.PerUser).ToString(),
            Choice = choice?.Reason,
            EstimatedPerUserRequests = choice?.PerUserRequests,
            EstimatedTimeRangeRequests = choice?.TimeRangeRequests,
            WallMs = wall.TotalMilliseconds,
            FirstVerdictMs = firstVerdict,
            UsersJudged = judged,
            WindowStart = window.Start,
            WindowEnd = window.End,
            SignInsJudged = signIns,
            Flagged = flagged,
            ErrorIds = errors,
            BudgetWaitMs = connection.Budgets.Waited(RequestClass.AuditLogs).TotalMilliseconds,
            CpuMs = cpu.TotalMilliseconds,
            ReadyPeakWorkingSetBytes = readyPeak,
            PeakWorkingSetBytes = PeakWorkingSet.OfCurrentProcess(),
            ReadyManagedHeapBytes = readyHeap,
            PeakManagedHeapBytes = heap.Peak,
        };
    }
}

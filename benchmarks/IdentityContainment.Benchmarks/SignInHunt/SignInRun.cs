using IdentityContainment.Sandbox;

namespace IdentityContainment.Benchmarks.SignInHunt;

/// <summary>
/// One contender's run: what its process reported, what the sandbox's request log saw, and the time the sign-in log's
/// budget alone would need for those requests (requests / quota x window: the first window's requests go at once, so
/// this is a little more than the strict minimum).
/// </summary>
internal sealed record SignInRun(string Contender, SignInChildReport Report, int LogRequests, int TooManyRequests, int SignInsInWindows, double BudgetMs, double SandboxMedianMs, double SandboxCpuMs)
{
    public double WallOverBudget => BudgetMs <= 0 ? 0 : Report.WallMs / BudgetMs;

    public static SignInRun From(string contender, SignInChildReport report, SandboxServer sandbox, IReadOnlyCollection<string> users, int quota, TimeSpan window, TimeSpan sandboxCpu)
    {
        RequestLogEntry[] log = sandbox.Requests.Snapshot().Where(e => e.Kind == RequestKind.Graph && e.Path.StartsWith("/auditLogs/signIns", StringComparison.Ordinal)).ToArray();
        var asked = new HashSet<string>(users, StringComparer.OrdinalIgnoreCase);
        int inWindows = sandbox.Tenant.SignIns.Count(s => asked.Contains(s.UserId) && s.CreatedDateTime >= report.WindowStart && s.CreatedDateTime <= report.WindowEnd);
        double[] answering = log.Select(e => e.Duration.TotalMilliseconds).Order().ToArray();
        double median = answering.Length == 0 ? 0 : answering[answering.Length / 2];
        return new SignInRun(contender, report, log.Length, log.Count(e => e.Status == 429), inWindows, (double)log.Length / quota * window.TotalMilliseconds, median, sandboxCpu.TotalMilliseconds);
    }
}

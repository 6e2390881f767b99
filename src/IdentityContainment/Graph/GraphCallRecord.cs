namespace IdentityContainment.Graph;

/// <summary>One HTTP call to Graph as -Verbose shows it. Never holds headers or bodies, so it cannot carry a secret.</summary>
public sealed record GraphCallRecord(string Method, string Path, int Status, TimeSpan Duration, string? RequestId, int Attempt)
{
    public override string ToString() =>
        $"Graph {Method} {Path} -> {Status} in {Duration.TotalMilliseconds:0} ms (request-id {RequestId ?? "none"}{(Attempt > 1 ? $", attempt {Attempt}" : string.Empty)})";
}

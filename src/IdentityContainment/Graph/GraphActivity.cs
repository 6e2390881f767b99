namespace IdentityContainment.Graph;

/// <summary>Receives what the Graph pipeline does, for -Verbose and for statistics.</summary>
public interface IGraphActivityObserver
{
    void OnCall(GraphCallRecord call);

    /// <summary>A call is about to be tried again: status is Graph's answer, or 0 with the failure when there was none.</summary>
    void OnRetry(string method, string path, int status, TimeSpan delay, int nextAttempt, string? failure = null);
}

/// <summary>
/// The observer of the work now running. A connection outlives any one cmdlet, so the cmdlet that starts work sets
/// this, and it flows with the async calls it starts.
/// </summary>
public static class GraphActivity
{
    private static readonly AsyncLocal<IGraphActivityObserver?> CurrentObserver = new();

    public static IGraphActivityObserver? Current
    {
        get => CurrentObserver.Value;
        set => CurrentObserver.Value = value;
    }
}

namespace IdentityContainment.Sandbox;

/// <summary>
/// How long the operations that POST .../methods/{password}/resetPassword starts take. Live-tunable:
/// each request reads the current values. The defaults make an operation finish on the second poll.
/// </summary>
public sealed class AuthenticationOperationOptions
{
    /// <summary>
    /// Polls that see the operation running before it ends; the next poll sees it succeeded (or
    /// failed). Default 1: the first poll says running, the second succeeded. 0 ends it on the first poll.
    /// </summary>
    public int RunningPolls { get; set; } = 1;

    /// <summary>
    /// An operation ends on its own after this long even if nobody polls, as the real reset lands
    /// whether or not anyone asks; it takes effect on the sandbox's clock.
    /// </summary>
    public TimeSpan MaximumDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The Retry-After the 202 and the polls that see it running carry, in whole seconds; zero is allowed, so tests poll at once.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A fault for tests: the Graph base the 202's Location names instead of this sandbox's own (for example
    /// http://127.0.0.1:{another port}/v1.0), as a tampered or misrouted answer would. Null: the sandbox itself.
    /// </summary>
    public Uri? LocationBase { get; set; }
}

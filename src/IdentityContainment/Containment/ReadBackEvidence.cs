using System.Diagnostics;
using IdentityContainment.Users;

namespace IdentityContainment.Containment;

/// <summary>
/// The read-back after a write is evidence only once it shows the write. Graph can answer a read from a directory
/// replica that has not seen a write made a moment ago (revokeSignInSessions: "There might be a small delay of a few
/// minutes"), and such a read still shows the old signInSessionsValidFromDateTime or accountEnabled. So reads that do
/// not show the write yet are repeated with back-off for a bounded time; what still lags then is reported as not yet
/// confirmed, never as proof.
/// </summary>
public static class ReadBackEvidence
{
    /// <summary>
    /// Graph's clock and this machine's may differ by a few seconds, and Entra stores the time to the second; a replica
    /// that has not seen the revocation shows a time from before the incident, usually far older than this.
    /// </summary>
    public static readonly TimeSpan ClockSkewTolerance = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(8);

    /// <summary>True when the user, as read, shows a revocation at or after the moment it was sent.</summary>
    public static bool ShowsRevocation(ContainmentUser user, DateTimeOffset sentAt) =>
        user.SignInSessionsValidFromDateTime is { } validFrom && validFrom >= sentAt - ClockSkewTolerance;

    /// <summary>
    /// Reads again, with back-off until <paramref name="timeout"/>, the users whose read <paramref name="showsWrite"/>
    /// rejects; returns the newest read of each. A read that fails keeps the earlier answer.
    /// </summary>
    public static async Task<IReadOnlyList<UserLookup>> AwaitReplicationAsync(
        UserReader reader,
        IReadOnlyList<string> userIds,
        IReadOnlyList<UserLookup> firstRead,
        Func<int, ContainmentUser, bool> showsWrite,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        UserLookup[] latest = firstRead.ToArray();
        var waited = Stopwatch.StartNew();
        TimeSpan delay = FirstDelay;
        while (true)
        {
            int[] lagging = Enumerable.Range(0, latest.Length).Where(i => latest[i].User is { } user && !showsWrite(i, user)).ToArray();
            if (lagging.Length == 0 || waited.Elapsed + delay > timeout)
            {
                return latest;
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<UserLookup> again = await reader.LookUpAsync(lagging.Select(i => userIds[i]).ToList(), cancellationToken).ConfigureAwait(false);
            for (int k = 0; k < lagging.Length; k++)
            {
                if (again[k].User is not null)
                {
                    latest[lagging[k]] = again[k];
                }
            }

            delay = delay + delay > LongestDelay ? LongestDelay : delay + delay;
        }
    }
}

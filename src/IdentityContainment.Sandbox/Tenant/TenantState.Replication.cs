namespace IdentityContainment.Sandbox;

/// <summary>
/// Directory replication lag. Entra serves reads from replicas that can trail a write for a while (Graph's docs on
/// revokeSignInSessions: "There might be a small delay of a few minutes"; the known-issues page on read-after-write),
/// so a read right after a write can still show the old user. With <see cref="ReplicaLag"/> set, user reads see the
/// tenant as it was <see cref="ReplicaLag"/> ago; writes, the token checks and the ground truth always see the primary.
/// </summary>
public sealed partial class TenantState
{
    // For each user, the writes the replicas may not have seen yet: when each happened and the record before it.
    private readonly Dictionary<string, List<(DateTimeOffset WrittenAt, UserRecord Before)>> _unreplicatedWrites = new(StringComparer.OrdinalIgnoreCase);
    private TimeSpan _replicaLag;

    /// <summary>How far user reads trail writes; zero (the default) reads the primary. Live-tunable.</summary>
    public TimeSpan ReplicaLag
    {
        get { lock (_gate) return _replicaLag; }
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            lock (_gate)
            {
                _replicaLag = value;
                if (value == TimeSpan.Zero)
                    _unreplicatedWrites.Clear();
            }
        }
    }

    /// <summary>A user as a Graph read sees it: the primary, or what a lagging replica still holds.</summary>
    internal UserRecord? ReadUser(string idOrUserPrincipalName)
    {
        lock (_gate)
        {
            var current = FindUserUnlocked(idOrUserPrincipalName);
            return current is null ? null : ReplicatedUnlocked(current);
        }
    }

    private UserRecord ReplicatedUnlocked(UserRecord current)
    {
        if (_replicaLag == TimeSpan.Zero || !_unreplicatedWrites.TryGetValue(current.Id, out var writes))
            return current;
        var seenUpTo = Clock.GetUtcNow() - _replicaLag;
        writes.RemoveAll(w => w.WrittenAt <= seenUpTo);
        // The replica has every write up to seenUpTo: it shows the record as it was before the first write after that.
        return writes.Count == 0 ? current : writes[0].Before;
    }

    private void RememberWriteUnlocked(UserRecord before)
    {
        if (_replicaLag == TimeSpan.Zero)
            return;
        if (!_unreplicatedWrites.TryGetValue(before.Id, out var writes))
            _unreplicatedWrites[before.Id] = writes = [];
        writes.Add((Clock.GetUtcNow(), before));
    }
}

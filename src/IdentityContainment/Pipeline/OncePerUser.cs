using System.Collections.Concurrent;

namespace IdentityContainment.Pipeline;

/// <summary>
/// Each user once by object id, across every batch of a run: the same user may arrive once by name and once by id,
/// and two password resets would hand the operator a password Graph no longer holds.
/// </summary>
public sealed class OncePerUser
{
    private readonly ConcurrentDictionary<string, bool> _claimed = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>True the first time an object id is claimed; false ever after.</summary>
    public bool Claim(string objectId) => _claimed.TryAdd(objectId, true);
}

namespace IdentityContainment.Applications;

/// <summary>
/// Counts each app's consenting users while a tenant's whole grant list streams past, and says which grants can be
/// judged already: an app's grants are held back only while it has no more consenting users than the few-consenters
/// rule looks for, and released the moment it has more. What is still held at the end has its exact count. Held grants
/// are at most that many per app, so memory stays bounded however large the tenant.
/// </summary>
internal sealed class ConsenterTally
{
    /// <summary>One more than the most consenters the rule calls few: from here on the exact number no longer matters.</summary>
    public const int Enough = 3;

    private readonly Dictionary<string, HashSet<string>> _consenters = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _counts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<DelegatedGrant>> _held = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Each app's consenting users so far (Enough or more once settled).</summary>
    public IReadOnlyDictionary<string, int> Counts => _counts;

    /// <summary>Takes a page's grants; gives back those that can be judged now (this page's and any released).</summary>
    public IReadOnlyList<DelegatedGrant> Add(IEnumerable<DelegatedGrant> grants)
    {
        var ready = new List<DelegatedGrant>();
        foreach (DelegatedGrant grant in grants)
        {
            if (!_consenters.TryGetValue(grant.ClientId, out HashSet<string>? users))
            {
                _consenters[grant.ClientId] = users = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            }

            if (grant.ConsentType == "Principal" && grant.PrincipalId is { } user && users.Count < Enough)
            {
                users.Add(user);
            }

            _counts[grant.ClientId] = users.Count;
            if (users.Count >= Enough)
            {
                ready.Add(grant);
                if (_held.TryGetValue(grant.ClientId, out List<DelegatedGrant>? released))
                {
                    ready.AddRange(released);
                    _held.Remove(grant.ClientId);
                }
            }
            else
            {
                if (!_held.TryGetValue(grant.ClientId, out List<DelegatedGrant>? waiting))
                {
                    _held[grant.ClientId] = waiting = new List<DelegatedGrant>();
                }

                waiting.Add(grant);
            }
        }

        return ready;
    }

    /// <summary>The grants still held when the list has ended: apps with few consenting users, their counts now exact.</summary>
    public IReadOnlyList<DelegatedGrant> Rest()
    {
        List<DelegatedGrant> rest = _held.Values.SelectMany(g => g).ToList();
        _held.Clear();
        return rest;
    }
}

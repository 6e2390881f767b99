namespace IdentityContainment.Sandbox;

/// <summary>The live set of injected faults. Thread-safe; rules can be added and removed while requests run.</summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private FaultRule[] _rules = [];

    public IReadOnlyList<FaultRule> Rules => Volatile.Read(ref _rules);

    public FaultRule Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (_gate)
            _rules = [.. _rules, rule];
        return rule;
    }

    public bool Remove(FaultRule rule)
    {
        lock (_gate)
        {
            var before = _rules.Length;
            _rules = _rules.Where(r => r != rule).ToArray();
            return _rules.Length != before;
        }
    }

    public void Clear()
    {
        lock (_gate)
            _rules = [];
    }

    /// <summary>
    /// Applies the matching rules in order: delays are awaited and the search goes on; the first
    /// error rule that still has uses is returned, and the request gets that error.
    /// </summary>
    internal async Task<FaultRule?> ApplyAsync(string method, string path, string query, CancellationToken cancellationToken)
    {
        foreach (var rule in Rules)
        {
            if (!rule.Matches(method, path, query) || !rule.TryConsume())
                continue;
            if (rule.Action != FaultAction.Delay)
                return rule;
            await Task.Delay(rule.Delay, cancellationToken).ConfigureAwait(false);
        }
        return null;
    }
}

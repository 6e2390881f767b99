namespace IdentityContainment.Pipeline;

/// <summary>
/// Groups the users arriving one by one from the pipeline into Graph batches, each user once however often it
/// arrives.
/// </summary>
public sealed class UserBatcher
{
    private readonly HashSet<string> _seen = new(StringComparer.OrdinalIgnoreCase);
    private List<string> _pending = new();

    public UserBatcher(int batchSize) => BatchSize = batchSize;

    public int BatchSize { get; }

    /// <summary>True the first time a user arrives; false for every repeat, whatever the case.</summary>
    public bool Claim(string userId) => _seen.Add(userId);

    /// <summary>Adds a claimed user; returns a full batch when this user completes one.</summary>
    public IReadOnlyList<string>? Add(string userId)
    {
        _pending.Add(userId);
        return _pending.Count == BatchSize ? Take() : null;
    }

    /// <summary>The last, partial batch (null when there is none).</summary>
    public IReadOnlyList<string>? Flush() => _pending.Count > 0 ? Take() : null;

    private List<string> Take()
    {
        List<string> batch = _pending;
        _pending = new List<string>();
        return batch;
    }
}

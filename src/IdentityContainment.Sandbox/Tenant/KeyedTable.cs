namespace IdentityContainment.Sandbox;

/// <summary>
/// Directory objects by id, in the order they were added (Graph lists come back in a stable order).
/// Not thread-safe by itself: <see cref="TenantState"/> guards every table with its one lock.
/// </summary>
internal sealed class KeyedTable<T> where T : class
{
    private readonly Func<T, string> _keyOf;
    private readonly Dictionary<string, T> _byKey = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _order = [];

    public KeyedTable(Func<T, string> keyOf, IEnumerable<T>? items = null)
    {
        _keyOf = keyOf;
        foreach (var item in items ?? [])
            Add(item);
    }

    public void Add(T item)
    {
        var key = _keyOf(item);
        if (!_byKey.TryAdd(key, item))
            throw new InvalidOperationException($"An object with id '{key}' already exists.");
        _order.Add(key);
    }

    public T? Find(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>Replaces the object with what <paramref name="change"/> makes of it; null when absent.</summary>
    public T? Update(string key, Func<T, T> change)
    {
        if (!_byKey.TryGetValue(key, out var current))
            return null;
        var updated = change(current);
        if (!string.Equals(_keyOf(updated), _keyOf(current), StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException("An update may not change an object's id.");
        _byKey[key] = updated;
        return updated;
    }

    public bool Remove(string key)
    {
        if (!_byKey.Remove(key))
            return false;
        _order.RemoveAt(_order.FindIndex(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)));
        return true;
    }

    public T[] ToArray() => _order.Select(k => _byKey[k]).ToArray();

    public T[] Where(Func<T, bool> predicate) => _order.Select(k => _byKey[k]).Where(predicate).ToArray();

    /// <summary>How many objects match, in no particular order and without copying the table.</summary>
    public int Count(Func<T, bool> predicate) => _byKey.Values.Count(predicate);
}

namespace IdentityContainment.Sandbox;

/// <summary>
/// A bucket of units that refills continuously at capacity-per-window. Graph describes its identity
/// budgets this way, and it yields an honest Retry-After: the time until enough units are back.
/// Not thread-safe; the governor locks around it.
/// </summary>
internal sealed class TokenBucket(double capacity, DateTimeOffset now)
{
    private double _available = capacity;
    private double _capacity = capacity;
    private DateTimeOffset _refilledAt = now;

    public double Capacity => _capacity;

    public double Available => _available;

    /// <summary>Brings the bucket up to date; a changed capacity (live tuning) takes effect here.</summary>
    public void Refill(double capacity, TimeSpan window, DateTimeOffset now)
    {
        if (capacity != _capacity)
        {
            _available = Math.Min(_available + (capacity - _capacity), capacity);
            _capacity = capacity;
        }
        var elapsed = now - _refilledAt;
        if (elapsed > TimeSpan.Zero)
        {
            _available = Math.Min(_capacity, _available + _capacity * (elapsed / window));
            _refilledAt = now;
        }
    }

    public bool Has(double units) => _available >= units;

    public void Take(double units) => _available -= units;

    /// <summary>How long until <paramref name="units"/> are available again.</summary>
    public TimeSpan TimeUntil(double units, TimeSpan window) =>
        units <= _available ? TimeSpan.Zero : window * ((units - _available) / _capacity);

    /// <summary>Share of the budget in use, the value of x-ms-throttle-limit-percentage.</summary>
    public double UsedFraction => 1 - _available / _capacity;
}

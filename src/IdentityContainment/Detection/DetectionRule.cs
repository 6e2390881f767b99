namespace IdentityContainment.Detection;

/// <summary>
/// One detection rule: a stable id an analyst can search for, a weight added to the score when it fires, and the
/// reason it gives, written for the subject it fired on ("forwards to ap.archive@relay.example, outside the tenant").
/// </summary>
/// <typeparam name="TSubject">What the rule looks at: an OAuth grant, an inbox rule, a mailbox.</typeparam>
public sealed class DetectionRule<TSubject>
{
    private readonly Func<TSubject, bool> _fires;
    private readonly Func<TSubject, string> _reason;

    public DetectionRule(string id, int weight, Func<TSubject, bool> fires, Func<TSubject, string> reason)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException("A rule needs an id.", nameof(id));
        }

        if (weight <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "A rule's weight is what it adds to the score; it must be positive.");
        }

        Id = id;
        Weight = weight;
        _fires = fires ?? throw new ArgumentNullException(nameof(fires));
        _reason = reason ?? throw new ArgumentNullException(nameof(reason));
    }

    /// <summary>A rule whose reason does not depend on the subject.</summary>
    public DetectionRule(string id, int weight, Func<TSubject, bool> fires, string reason)
        : this(id, weight, fires, _ => reason)
    {
    }

    public string Id { get; }

    public int Weight { get; }

    /// <summary>The hit, or null when the rule does not fire on this subject.</summary>
    public RuleHit? Evaluate(TSubject subject) => _fires(subject) ? new RuleHit(Id, Weight, _reason(subject)) : null;

    public override string ToString() => $"{Id} (+{Weight})";
}

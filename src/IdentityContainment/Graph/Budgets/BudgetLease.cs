namespace IdentityContainment.Graph.Budgets;

/// <summary>The permits a request (or a batch's unit) holds while it is on the wire; disposing it gives them back.</summary>
public sealed class BudgetLease : IDisposable
{
    public static readonly BudgetLease None = new(null, Array.Empty<string>(), false);

    private readonly ThrottleBudgets? _budgets;
    private readonly IReadOnlyList<string> _mailboxes;
    private readonly bool _identityProtectionTurn;
    private int _released;

    internal BudgetLease(ThrottleBudgets? budgets, IReadOnlyList<string> mailboxes, bool identityProtectionTurn)
    {
        _budgets = budgets;
        _mailboxes = mailboxes;
        _identityProtectionTurn = identityProtectionTurn;
    }

    public void Dispose()
    {
        if (_budgets is null || Interlocked.Exchange(ref _released, 1) == 1)
        {
            return;
        }

        _budgets.Mailboxes.Release(_mailboxes);
        if (_identityProtectionTurn)
        {
            _budgets.IdentityProtection.Release();
        }
    }
}

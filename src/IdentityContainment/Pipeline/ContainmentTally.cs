namespace IdentityContainment.Pipeline;

/// <summary>
/// Counts what a command writes, as it writes it, for the summary it can end with. Results come from the pipeline
/// thread only, so no lock is needed.
/// </summary>
public sealed class ContainmentTally
{
    private readonly List<(string Action, string Status)> _order = new();
    private readonly Dictionary<(string Action, string Status), int> _counts = new();
    private readonly HashSet<string> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly DateTimeOffset _startedAt = DateTimeOffset.UtcNow;
    private int _errors;
    private int _passwordsInKeyVault;
    private int _passwordsInOutput;

    /// <summary>Counts a result the command wrote; anything but an action or a reset is not counted.</summary>
    public void Count(object result)
    {
        (string UserId, string Action, string Status)? row = result switch
        {
            ContainmentAction action => (action.UserId, action.Action, action.Status),
            PasswordReset reset => (reset.UserId, ContainmentActions.ResetPassword, reset.Status),
            _ => null,
        };
        if (row is not { } counted)
        {
            return;
        }

        if (result is PasswordReset { SecretUri: not null })
        {
            _passwordsInKeyVault++;
        }
        else if (result is PasswordReset { TemporaryPassword: not null })
        {
            _passwordsInOutput++;
        }

        _users.Add(counted.UserId);
        var key = (counted.Action, counted.Status);
        if (_counts.TryGetValue(key, out int count))
        {
            _counts[key] = count + 1;
        }
        else
        {
            _counts[key] = 1;
            _order.Add(key);
        }
    }

    public void CountError() => _errors++;

    public ContainmentSummary Summarize(string command) => new()
    {
        Command = command,
        Users = _users.Count,
        Succeeded = Total(ContainmentActionStatus.Succeeded),
        Failed = Total(ContainmentActionStatus.Failed),
        Skipped = Total(ContainmentActionStatus.Skipped),
        Pending = Total(ContainmentActionStatus.Pending),
        Errors = _errors,
        PasswordsInKeyVault = _passwordsInKeyVault,
        PasswordsInOutput = _passwordsInOutput,
        Actions = _order.Select(key => new ContainmentActionCount { Action = key.Action, Status = key.Status, Count = _counts[key] }).ToArray(),
        StartedAt = _startedAt,
        FinishedAt = DateTimeOffset.UtcNow,
    };

    private int Total(string status) => _counts.Where(c => c.Key.Status == status).Sum(c => c.Value);
}

namespace IdentityContainment.Sandbox;

public sealed partial class TenantState
{
    private readonly KeyedTable<MailboxRecord> _mailboxes;

    /// <summary>The user's mailbox, or null when the scenario gives the user none.</summary>
    public MailboxRecord? FindMailbox(string userId)
    {
        lock (_gate) return _mailboxes.Find(userId);
    }

    /// <summary>The organization's mail contacts (fixed by the scenario).</summary>
    public IReadOnlyList<MailContactRecord> MailContacts { get; }

    public MailContactRecord? FindMailContact(string name) =>
        MailContacts.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when the address's domain is one of the tenant's verified domains; added but unverified ones are not its own.</summary>
    public bool IsOwnAddress(string address)
    {
        var at = address.LastIndexOf('@');
        var domain = at < 0 ? "" : address[(at + 1)..];
        return Info.VerifiedDomains.Any(d => string.Equals(d.Name, domain, StringComparison.OrdinalIgnoreCase));
    }

    public IReadOnlyList<MailboxRecord> Mailboxes
    {
        get { lock (_gate) return _mailboxes.ToArray(); }
    }

    /// <summary>Changes a mailbox, creating an empty one first if the user has none yet.</summary>
    public MailboxRecord UpdateMailbox(string userId, Func<MailboxRecord, MailboxRecord> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            if (_mailboxes.Find(userId) is null)
                _mailboxes.Add(new MailboxRecord { UserId = userId });
            return _mailboxes.Update(userId, change)!;
        }
    }

    public bool RemoveInboxRule(string userId, string ruleId)
    {
        lock (_gate)
        {
            var mailbox = _mailboxes.Find(userId);
            if (mailbox is null || !mailbox.InboxRules.Any(r => r.Id == ruleId))
                return false;
            _mailboxes.Update(userId, m => m with { InboxRules = m.InboxRules.Where(r => r.Id != ruleId).ToArray() });
            return true;
        }
    }

    /// <summary>Puts <paramref name="rule"/> in place of the rule with its id; null when the mailbox or the rule is gone.</summary>
    public InboxRuleRecord? ReplaceInboxRule(string userId, InboxRuleRecord rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (_gate)
        {
            var mailbox = _mailboxes.Find(userId);
            if (mailbox is null || !mailbox.InboxRules.Any(r => r.Id == rule.Id))
                return null;
            _mailboxes.Update(userId, m => m with { InboxRules = m.InboxRules.Select(r => r.Id == rule.Id ? rule : r).ToArray() });
            return rule;
        }
    }

    public bool ClearMailboxForwarding(string userId)
    {
        lock (_gate)
        {
            if (_mailboxes.Find(userId)?.Forwarding is null)
                return false;
            _mailboxes.Update(userId, m => m with { Forwarding = null });
            return true;
        }
    }

    public bool RemoveMailboxDelegation(string userId, string delegationId)
    {
        lock (_gate)
        {
            var mailbox = _mailboxes.Find(userId);
            if (mailbox is null || !mailbox.Delegations.Any(d => d.Id == delegationId))
                return false;
            _mailboxes.Update(userId, m => m with { Delegations = m.Delegations.Where(d => d.Id != delegationId).ToArray() });
            return true;
        }
    }
}

namespace IdentityContainment.Sandbox;

public sealed partial class TenantState
{
    // Kept newest first, the order auditLogs returns them in.
    private readonly List<SignInRecord> _signIns;
    private readonly List<DirectoryAuditRecord> _directoryAudits;
    private readonly KeyedTable<RiskyUserRecord> _riskyUsers;

    /// <summary>Sign-ins, newest first.</summary>
    public IReadOnlyList<SignInRecord> SignIns
    {
        get { lock (_gate) return _signIns.ToArray(); }
    }

    /// <summary>Directory audit events, newest first.</summary>
    public IReadOnlyList<DirectoryAuditRecord> DirectoryAudits
    {
        get { lock (_gate) return _directoryAudits.ToArray(); }
    }

    public void AddDirectoryAudit(DirectoryAuditRecord audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        lock (_gate)
        {
            var at = _directoryAudits.FindIndex(a => a.ActivityDateTime <= audit.ActivityDateTime);
            _directoryAudits.Insert(at < 0 ? _directoryAudits.Count : at, audit);
        }
    }

    public IReadOnlyList<RiskyUserRecord> RiskyUsers
    {
        get { lock (_gate) return _riskyUsers.ToArray(); }
    }

    public RiskyUserRecord? FindRiskyUser(string userId)
    {
        lock (_gate) return _riskyUsers.Find(userId);
    }

    /// <summary>Changes a user's risk record, creating one (risk none) if Identity Protection had none.</summary>
    public RiskyUserRecord UpdateRiskyUser(string userId, Func<RiskyUserRecord, RiskyUserRecord> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            if (_riskyUsers.Find(userId) is null)
            {
                var user = FindUserUnlocked(userId);
                _riskyUsers.Add(new RiskyUserRecord { Id = userId, UserDisplayName = user?.DisplayName, UserPrincipalName = user?.UserPrincipalName });
            }
            return _riskyUsers.Update(userId, change)!;
        }
    }
}

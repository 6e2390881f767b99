namespace IdentityContainment.Sandbox;

public sealed partial class TenantState
{
    private readonly Dictionary<string, UserRecord> _usersById = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _userIdsByUpn = new(StringComparer.OrdinalIgnoreCase);

    // Ids kept sorted so a page of users can resume after the last id it returned (the skip token),
    // which stays correct while other requests change the tenant between pages.
    private readonly List<string> _sortedUserIds = [];

    public int UserCount
    {
        get { lock (_gate) return _usersById.Count; }
    }

    /// <summary>Finds a user by object id or user principal name (case-insensitive).</summary>
    public UserRecord? FindUser(string idOrUserPrincipalName)
    {
        lock (_gate)
            return FindUserUnlocked(idOrUserPrincipalName);
    }

    /// <summary>Every user, ordered by id.</summary>
    public IReadOnlyList<UserRecord> Users
    {
        get { lock (_gate) return _sortedUserIds.Select(id => _usersById[id]).ToArray(); }
    }

    public void AddUser(UserRecord user)
    {
        ArgumentNullException.ThrowIfNull(user);
        lock (_gate)
            AddUserUnlocked(user.Password is null ? user with { Password = SecretText.Random() } : user);
    }

    /// <summary>Replaces a user with what <paramref name="change"/> makes of it (test setup); null when absent.</summary>
    public UserRecord? UpdateUser(string idOrUserPrincipalName, Func<UserRecord, UserRecord> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            var current = FindUserUnlocked(idOrUserPrincipalName);
            if (current is null)
                return null;
            var updated = change(current);
            if (!string.Equals(updated.Id, current.Id, StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException("An update may not change a user's id.");
            RememberWriteUnlocked(current);
            _usersById[current.Id] = updated;
            if (!string.Equals(updated.UserPrincipalName, current.UserPrincipalName, StringComparison.OrdinalIgnoreCase))
            {
                _userIdsByUpn.Remove(current.UserPrincipalName);
                _userIdsByUpn[updated.UserPrincipalName] = updated.Id;
            }
            return updated;
        }
    }

    /// <summary>What revokeSignInSessions does: every refresh token and session issued before now stops working.</summary>
    public UserRecord? RevokeSignInSessions(string idOrUserPrincipalName)
    {
        var now = Now();
        return UpdateUser(idOrUserPrincipalName, u => u with { SignInSessionsValidFromDateTime = now });
    }

    /// <summary>Sets a new password and stamps lastPasswordChangeDateTime (no complexity check here).</summary>
    public UserRecord? SetPassword(string idOrUserPrincipalName, string newPassword)
    {
        ArgumentNullException.ThrowIfNull(newPassword);
        return SetPassword(idOrUserPrincipalName, new SecretText(newPassword));
    }

    /// <summary>The same, for a password the sandbox already holds only as a secret (a reset operation's).</summary>
    internal UserRecord? SetPassword(string idOrUserPrincipalName, SecretText newPassword)
    {
        var now = Now();
        return UpdateUser(idOrUserPrincipalName, u => u with { Password = newPassword, LastPasswordChangeDateTime = now });
    }

    public UserRecord? SetAccountEnabled(string idOrUserPrincipalName, bool enabled) =>
        UpdateUser(idOrUserPrincipalName, u => u with { AccountEnabled = enabled });

    /// <summary>
    /// What an Entra Connect sync cycle does to the accounts it masters: on-premises values win, so a synced user
    /// disabled only in the cloud is enabled again while its AD account is enabled. Returns the users it changed.
    /// </summary>
    public IReadOnlyList<UserRecord> RunDirectorySyncCycle()
    {
        var changed = new List<UserRecord>();
        foreach (var user in Users.Where(u => u.IsSyncedFromOnPremises && u.AccountEnabled != u.OnPremisesAccountEnabled))
        {
            if (UpdateUser(user.Id, u => u with { AccountEnabled = u.OnPremisesAccountEnabled }) is { } updated)
                changed.Add(updated);
        }
        return changed;
    }

    /// <summary>
    /// Walks users in id order after <paramref name="afterId"/>, returning up to <paramref name="take"/>
    /// that match, and whether more matches follow.
    /// </summary>
    internal (IReadOnlyList<UserRecord> Page, bool HasMore) PageUsers(Func<UserRecord, bool> match, string? afterId, int take)
    {
        lock (_gate)
            return SortedIdPages.Take(_sortedUserIds, StringComparer.OrdinalIgnoreCase, id => _usersById[id], match, afterId, take, ReplicatedUnlocked);
    }

    private UserRecord? FindUserUnlocked(string idOrUserPrincipalName) =>
        _usersById.TryGetValue(idOrUserPrincipalName, out var byId) ? byId
        : _userIdsByUpn.TryGetValue(idOrUserPrincipalName, out var id) ? _usersById[id]
        : null;

    private void AddUserUnlocked(UserRecord user)
    {
        IndexUserUnlocked(user);
        var at = _sortedUserIds.BinarySearch(user.Id, StringComparer.OrdinalIgnoreCase);
        _sortedUserIds.Insert(~at, user.Id);
    }

    private void IndexUserUnlocked(UserRecord user)
    {
        if (_usersById.ContainsKey(user.Id))
            throw new InvalidOperationException($"A user with id '{user.Id}' already exists.");
        if (!_userIdsByUpn.TryAdd(user.UserPrincipalName, user.Id))
            throw new InvalidOperationException($"A user with userPrincipalName '{user.UserPrincipalName}' already exists.");
        _usersById[user.Id] = user;
    }
}

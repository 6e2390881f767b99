using IdentityContainment.Errors;
using IdentityContainment.Users;

namespace IdentityContainment.Containment;

/// <summary>
/// Keeps a responder from containing the account they are signed in with, which would cut them off in the middle of the
/// incident, unless they insist (-Force). A user can be named several ways (object id, UPN, a guest's #EXT# UPN, while
/// the token of a guest carries no UPN of this tenant at all), so the comparison is by object id, after resolution:
/// the token's oid against the id Graph resolves each name to.
/// </summary>
public sealed class OwnAccountGuard
{
    private readonly string _accountId;
    private readonly string? _account;
    private readonly string _whatWouldHappen;

    private OwnAccountGuard(string accountId, string? account, string whatWouldHappen)
    {
        _accountId = accountId;
        _account = account;
        _whatWouldHappen = whatWouldHappen;
    }

    /// <summary>A guard for a person's sign-in; null where there is nothing to guard (an app, or -Force).</summary>
    public static OwnAccountGuard? For(ContainmentContext context, bool force, string whatWouldHappen) =>
        !force && context.PermissionType == "Delegated" && context.AccountId is { Length: > 0 } accountId
            ? new OwnAccountGuard(accountId, context.Account, whatWouldHappen)
            : null;

    /// <summary>Whether this resolved object id is the signed-in account.</summary>
    public bool IsOwn(string objectId) => string.Equals(objectId, _accountId, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The inputs that are not the signed-in account; each one that is goes to <paramref name="refused"/> with its resolved
    /// user. Object ids are compared as they are; names are resolved through the reader first. A name that cannot be
    /// resolved is let through: the work on it reports why.
    /// </summary>
    public async Task<IReadOnlyList<string>> SetAsideOwnAsync(IReadOnlyList<string> userIds, UserReader reader, Action<string, ContainmentUser?> refused, CancellationToken cancellationToken)
    {
        List<string> names = userIds.Where(id => !Guid.TryParse(id, out _)).ToList();
        Dictionary<string, ContainmentUser?> resolved = names.Count == 0
            ? new Dictionary<string, ContainmentUser?>()
            : (await reader.LookUpAsync(names, cancellationToken).ConfigureAwait(false)).ToDictionary(l => l.Input, l => l.User, StringComparer.OrdinalIgnoreCase);

        var admitted = new List<string>();
        foreach (string input in userIds)
        {
            ContainmentUser? user = resolved.TryGetValue(input, out ContainmentUser? found) ? found : null;
            if (IsOwn(user?.Id ?? input))
            {
                refused(input, user);
            }
            else
            {
                admitted.Add(input);
            }
        }

        return admitted;
    }

    /// <summary>The error that says which account this is and how to go on.</summary>
    public ContainmentException Refusal(string input) => new(
        ContainmentErrorKind.NotSupported,
        "OwnAccountRefused",
        $"'{input}' is the account this session is signed in with ({_account ?? _accountId}): {_whatWouldHappen} would cut you off in the middle of the incident. Sign in as another responder, or add -Force if this account really is compromised.",
        input);
}

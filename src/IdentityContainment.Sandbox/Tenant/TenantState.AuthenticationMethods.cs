namespace IdentityContainment.Sandbox;

public sealed partial class TenantState
{
    // Method ids are unique per user only (the phone and email ids are the same for everyone).
    private readonly KeyedTable<AuthenticationMethodRecord> _authenticationMethods;

    private static string MethodKey(AuthenticationMethodRecord method) => MethodKey(method.UserId, method.Id);

    private static string MethodKey(string userId, string methodId) => userId + "/" + methodId;

    public IReadOnlyList<AuthenticationMethodRecord> AuthenticationMethodsOf(string userId)
    {
        lock (_gate)
            return _authenticationMethods.Where(m => string.Equals(m.UserId, userId, StringComparison.OrdinalIgnoreCase));
    }

    public AuthenticationMethodRecord? FindAuthenticationMethod(string userId, string methodId)
    {
        lock (_gate) return _authenticationMethods.Find(MethodKey(userId, methodId));
    }

    public void AddAuthenticationMethod(AuthenticationMethodRecord method)
    {
        lock (_gate) _authenticationMethods.Add(method);
    }

    public bool RemoveAuthenticationMethod(string userId, string methodId)
    {
        lock (_gate) return _authenticationMethods.Remove(MethodKey(userId, methodId));
    }
}

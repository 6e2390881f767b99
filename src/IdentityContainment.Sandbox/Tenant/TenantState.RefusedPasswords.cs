namespace IdentityContainment.Sandbox;

public sealed partial class TenantState
{
    /// <summary>New passwords the tenant refused, and the fault that makes it refuse every one.</summary>
    public RefusedPasswords RefusedPasswords { get; } = new();
}

/// <summary>
/// Passwords the tenant refused: a cloud change of a synchronized user's password, one the password policy rejects,
/// a writeback that failed. Nobody was given them, so a test that proves they leaked nowhere has to learn them here.
/// </summary>
public sealed class RefusedPasswords
{
    private readonly Lock _gate = new();
    private readonly List<RefusedPassword> _refused = [];

    /// <summary>
    /// A fault for tests: the password policy refuses every new password with Graph's complexity error, as a custom
    /// banned-password list may refuse one the caller could not foresee. Off by default.
    /// </summary>
    public bool RefuseEveryPassword { get; set; }

    public IReadOnlyList<RefusedPassword> Snapshot()
    {
        lock (_gate) return _refused.ToArray();
    }

    internal void Record(string userId, string password)
    {
        lock (_gate) _refused.Add(new RefusedPassword(userId, new RetrievableSecret(password)));
    }

    /// <summary>The policy's verdict: acceptable, unless the refuse-every fault is on.</summary>
    internal bool IsAcceptable(string password) => !RefuseEveryPassword && PasswordComplexity.IsAcceptable(password);
}

/// <summary>One refused password, held as a secret.</summary>
public sealed record RefusedPassword(string UserId, RetrievableSecret Password)
{
    /// <summary>The value in clear, for a test that must search for it.</summary>
    public string RevealSecretForTest() => Password.Reveal();
}

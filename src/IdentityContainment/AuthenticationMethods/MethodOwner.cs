namespace IdentityContainment.AuthenticationMethods;

/// <summary>The user whose methods are read: the object id their paths name, the name people read, and the usage location the phone check compares with.</summary>
public sealed record MethodOwner(string UserId, string? UserPrincipalName, string? UsageLocation)
{
    public override string ToString() => UserPrincipalName ?? UserId;
}

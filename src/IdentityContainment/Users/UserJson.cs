using System.Text.Json.Nodes;
using IdentityContainment.Graph;
using static IdentityContainment.Graph.GraphJson;

namespace IdentityContainment.Users;

/// <summary>Reads Graph's user JSON into the module's own plain type.</summary>
internal static class UserJson
{
    /// <summary>The properties containment needs; most are returned only when asked for by $select.</summary>
    public const string Select = "id,userPrincipalName,displayName,mail,proxyAddresses,userType,accountEnabled,onPremisesSyncEnabled,createdDateTime,lastPasswordChangeDateTime,signInSessionsValidFromDateTime";

    public static ContainmentUser Read(JsonNode user) => new()
    {
        Id = Text(user, "id") ?? string.Empty,
        UserPrincipalName = Text(user, "userPrincipalName"),
        DisplayName = Text(user, "displayName"),
        Mail = Text(user, "mail"),
        ProxyAddresses = Texts(user, "proxyAddresses").ToArray(),
        UserType = Text(user, "userType"),
        AccountEnabled = Flag(user, "accountEnabled"),
        OnPremisesSyncEnabled = Flag(user, "onPremisesSyncEnabled"),
        CreatedDateTime = Time(user, "createdDateTime"),
        LastPasswordChangeDateTime = Time(user, "lastPasswordChangeDateTime"),
        SignInSessionsValidFromDateTime = Time(user, "signInSessionsValidFromDateTime"),
    };
}

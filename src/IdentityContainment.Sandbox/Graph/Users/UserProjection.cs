using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>Turns a stored user into Graph's JSON for a given property list. The password is never among the values.</summary>
internal static class UserProjection
{
    /// <summary>
    /// Resolves a $select list to Graph casing. Returns false with the offending name when a property
    /// does not exist on the user type (Graph answers 400 then).
    /// </summary>
    public static bool TryResolveSelect(IReadOnlyList<string>? select, out IReadOnlyList<string>? resolved, out string? unknown)
    {
        resolved = null;
        unknown = null;
        if (select is null)
            return true;
        var names = new List<string>();
        foreach (var name in select)
        {
            if (name == "*")
            {
                names.Add(name);
                continue;
            }
            var canonical = UserProperties.Canonical(name);
            if (canonical is null)
            {
                unknown = name;
                return false;
            }
            if (!names.Contains(canonical))
                names.Add(canonical);
        }
        resolved = names;
        return true;
    }

    /// <param name="properties">$select list in Graph casing, or null for the default set.</param>
    /// <param name="basicOnly">The caller holds only User.ReadBasic.All: other properties are left out.</param>
    public static JsonObject Project(UserRecord user, IReadOnlyList<string>? properties, bool basicOnly)
    {
        var json = new JsonObject();
        foreach (var name in properties ?? UserProperties.Default)
        {
            if (name == "*")
            {
                foreach (var p in UserProperties.Default.Where(p => !json.ContainsKey(p)))
                    json[p] = ValueOf(user, p);
                continue;
            }
            if (basicOnly && !UserProperties.Basic.Contains(name))
                continue;
            json[name] = ValueOf(user, name);
        }
        return json;
    }

    private static JsonNode? ValueOf(UserRecord user, string property) => property switch
    {
        "id" => user.Id,
        "userPrincipalName" => user.UserPrincipalName,
        "displayName" => user.DisplayName,
        "givenName" => user.GivenName,
        "surname" => user.Surname,
        "mail" => user.Mail,
        "jobTitle" => user.JobTitle,
        "mobilePhone" => user.MobilePhone,
        "officeLocation" => user.OfficeLocation,
        "preferredLanguage" => user.PreferredLanguage,
        "usageLocation" => user.UsageLocation,
        "businessPhones" => new JsonArray(user.BusinessPhones.Select(p => (JsonNode?)p).ToArray()),
        "proxyAddresses" => new JsonArray(user.ProxyAddresses.Select(p => (JsonNode?)p).ToArray()),
        "userType" => user.UserType,
        "accountEnabled" => user.AccountEnabled,
        "createdDateTime" => Time(user.CreatedDateTime),
        "lastPasswordChangeDateTime" => Time(user.LastPasswordChangeDateTime),
        "signInSessionsValidFromDateTime" or "refreshTokensValidFromDateTime" => Time(user.SignInSessionsValidFromDateTime),
        "onPremisesSyncEnabled" => user.OnPremisesSyncEnabled,
        "externalUserState" => user.IsGuest ? "Accepted" : null,
        "mailNickname" => user.UserPrincipalName.Split('@')[0],
        // Graph reads passwordProfile as null: the password is write-only.
        "passwordProfile" => null,
        _ when UserProperties.Collections.Contains(property) => new JsonArray(),
        _ => null,
    };

    private static JsonNode? Time(DateTimeOffset? value) => value is null ? null : GraphTime.Format(value.Value);
}

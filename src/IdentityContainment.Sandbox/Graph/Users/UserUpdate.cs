using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>The changes a PATCH /users/{id} body asks for, read and checked the way Graph reads them.</summary>
internal sealed class UserUpdate
{
    private static readonly string[] ProfileProperties =
        ["displayName", "givenName", "surname", "jobTitle", "mobilePhone", "officeLocation", "preferredLanguage"];

    private static readonly HashSet<string> ReadOnlyProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "createdDateTime", "deletedDateTime", "lastPasswordChangeDateTime", "signInSessionsValidFromDateTime",
        "refreshTokensValidFromDateTime", "onPremisesSyncEnabled", "onPremisesLastSyncDateTime", "externalUserState",
        "externalUserStateChangeDateTime", "creationType", "securityIdentifier", "signInActivity",
    };

    public bool? AccountEnabled { get; private set; }
    public string? Password { get; private set; }
    public bool? ForceChangePasswordNextSignIn { get; private set; }
    public bool? ForceChangePasswordNextSignInWithMfa { get; private set; }
    public Dictionary<string, string?> Profile { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool TouchesPasswordProfile => Password is not null || ForceChangePasswordNextSignIn is not null || ForceChangePasswordNextSignInWithMfa is not null;

    public bool IsEmpty => AccountEnabled is null && !TouchesPasswordProfile && Profile.Count == 0;

    /// <summary>Reads the body; on failure returns the 400 Graph would give.</summary>
    public static (UserUpdate? Update, GraphResponse? Error) Read(string? body)
    {
        var json = JsonBody.ParseObject(body);
        if (json is null)
            return (null, GraphResponse.UnreadableBody());

        var update = new UserUpdate();
        foreach (var (name, value) in json)
        {
            var error = name switch
            {
                _ when name.StartsWith("@odata.", StringComparison.Ordinal) => null,
                "accountEnabled" => ReadBool(value, name, b => update.AccountEnabled = b),
                "passwordProfile" => update.ReadPasswordProfile(value),
                _ when ProfileProperties.Contains(name, StringComparer.OrdinalIgnoreCase) => update.ReadProfileString(name, value),
                _ when ReadOnlyProperties.Contains(name) =>
                    GraphResponse.Error(400, "Request_BadRequest", $"Property '{name}' is read-only and cannot be set."),
                _ when UserProperties.Canonical(name) is not null =>
                    GraphResponse.Error(400, "Request_BadRequest", $"The sandbox does not implement updating '{name}'."),
                _ => UnknownProperty(name),
            };
            if (error is not null)
                return (null, error);
        }
        return (update, null);
    }

    private GraphResponse? ReadPasswordProfile(JsonNode? value)
    {
        if (value is not JsonObject profile)
            return GraphResponse.Error(400, "BadRequest", "Invalid value for property 'passwordProfile': an object is expected.");
        foreach (var (name, inner) in profile)
        {
            var error = name switch
            {
                "password" => inner is JsonValue v && v.TryGetValue<string>(out var password)
                    ? Assign(() => Password = password)
                    : GraphResponse.Error(400, "BadRequest", "Cannot convert the literal to the expected type 'Edm.String' for property 'password'."),
                "forceChangePasswordNextSignIn" => ReadBool(inner, name, b => ForceChangePasswordNextSignIn = b),
                "forceChangePasswordNextSignInWithMfa" => ReadBool(inner, name, b => ForceChangePasswordNextSignInWithMfa = b),
                _ => UnknownProperty(name),
            };
            if (error is not null)
                return error;
        }
        return null;
    }

    private GraphResponse? ReadProfileString(string name, JsonNode? value)
    {
        if (value is null)
        {
            if (string.Equals(name, "displayName", StringComparison.OrdinalIgnoreCase))
                return GraphResponse.Error(400, "Request_BadRequest", "Invalid value specified for property 'displayName' of resource 'User'.");
            Profile[name] = null;
            return null;
        }
        if (value is JsonValue v && v.TryGetValue<string>(out var text))
        {
            Profile[name] = text;
            return null;
        }
        return GraphResponse.Error(400, "BadRequest", $"Cannot convert the literal to the expected type 'Edm.String' for property '{name}'.");
    }

    private static GraphResponse? ReadBool(JsonNode? value, string name, Action<bool> set)
    {
        if (value is JsonValue v && v.TryGetValue<bool>(out var b))
        {
            set(b);
            return null;
        }
        return GraphResponse.Error(400, "BadRequest", $"Cannot convert the literal '{value?.ToJsonString()}' to the expected type 'Edm.Boolean' for property '{name}'.");
    }

    private static GraphResponse? Assign(Action set)
    {
        set();
        return null;
    }

    private static GraphResponse UnknownProperty(string name) =>
        GraphResponse.Error(400, "Request_BadRequest", $"Property '{name}' does not exist as a declared property or extension property.");

    /// <summary>The user after this update; the password change stamps lastPasswordChangeDateTime.</summary>
    public UserRecord ApplyTo(UserRecord user, DateTimeOffset now)
    {
        var updated = user with
        {
            AccountEnabled = AccountEnabled ?? user.AccountEnabled,
            ForceChangePasswordNextSignIn = ForceChangePasswordNextSignIn ?? user.ForceChangePasswordNextSignIn,
            ForceChangePasswordNextSignInWithMfa = ForceChangePasswordNextSignInWithMfa ?? user.ForceChangePasswordNextSignInWithMfa,
        };
        if (Password is not null)
            updated = updated with { Password = new SecretText(Password), LastPasswordChangeDateTime = now };
        foreach (var (name, value) in Profile)
        {
            updated = name.ToLowerInvariant() switch
            {
                "displayname" => updated with { DisplayName = value! },
                "givenname" => updated with { GivenName = value },
                "surname" => updated with { Surname = value },
                "jobtitle" => updated with { JobTitle = value },
                "mobilephone" => updated with { MobilePhone = value },
                "officelocation" => updated with { OfficeLocation = value },
                _ => updated with { PreferredLanguage = value },
            };
        }
        return updated;
    }
}

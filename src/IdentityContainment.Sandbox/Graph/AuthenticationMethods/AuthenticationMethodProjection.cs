using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>
/// A method in its type's v1.0 shape (CONTRACT §7 table; CSDL). Secrets Graph never returns (password, secretKey,
/// temporaryAccessPass) are always null, as on real reads. Every item carries @odata.type, as the polymorphic list does.
/// </summary>
internal static class AuthenticationMethodProjection
{
    public static JsonObject Item(AuthenticationMethodRecord method, DateTimeOffset now)
    {
        var json = new JsonObject
        {
            ["@odata.type"] = AuthenticationMethodKind.ODataTypeOf(method),
            ["id"] = method.Id,
            ["createdDateTime"] = Time(method.CreatedDateTime),
        };
        foreach (var (name, value) in TypeProperties(method, now))
            json[name] = value;
        return json;
    }

    private static IEnumerable<(string Name, JsonNode? Value)> TypeProperties(AuthenticationMethodRecord m, DateTimeOffset now) => m.Type switch
    {
        AuthenticationMethodType.Password => [("password", null)],
        AuthenticationMethodType.Phone => [("phoneNumber", m.PhoneNumber), ("phoneType", m.PhoneType), ("smsSignInState", m.SmsSignInState)],
        AuthenticationMethodType.MicrosoftAuthenticator => [("displayName", m.DisplayName), ("deviceTag", m.DeviceTag), ("phoneAppVersion", m.PhoneAppVersion)],
        AuthenticationMethodType.Fido2 =>
        [
            ("displayName", m.DisplayName), ("aaGuid", m.AaGuid), ("model", m.Model), ("attestationLevel", m.AttestationLevel),
            ("attestationCertificates", new JsonArray((m.AttestationCertificates ?? []).Select(c => (JsonNode?)c).ToArray())),
        ],
        AuthenticationMethodType.SoftwareOath => [("secretKey", null)],
        AuthenticationMethodType.Email => [("emailAddress", m.EmailAddress)],
        AuthenticationMethodType.TemporaryAccessPass =>
        [
            ("temporaryAccessPass", null), ("startDateTime", Time(m.StartDateTime)), ("lifetimeInMinutes", m.LifetimeInMinutes),
            ("isUsableOnce", m.IsUsableOnce), ("isUsable", TapReason(m, now) == "EnabledByPolicy"), ("methodUsabilityReason", TapReason(m, now)),
        ],
        AuthenticationMethodType.WindowsHelloForBusiness => [("displayName", m.DisplayName), ("keyStrength", m.KeyStrength)],
        AuthenticationMethodType.PlatformCredential => [("displayName", m.DisplayName), ("keyStrength", m.KeyStrength), ("platform", m.Platform)],
        AuthenticationMethodType.External => [("displayName", m.DisplayName), ("configurationId", m.ConfigurationId)],
        // A type the v1.0 schema does not have yet: what any method has, plus a display name when the scenario gives one.
        _ => m.DisplayName is null ? [] : [("displayName", m.DisplayName)],
    };

    /// <summary>
    /// Why a pass can or cannot be used now, in the resource page's values: NotYetValid before its start, Expired after
    /// its lifetime, else EnabledByPolicy. (UsedUp and DisabledByPolicy are not modelled.)
    /// </summary>
    private static string TapReason(AuthenticationMethodRecord pass, DateTimeOffset now)
    {
        var start = pass.StartDateTime ?? pass.CreatedDateTime ?? now;
        if (now < start)
            return "NotYetValid";
        return now >= start.AddMinutes(pass.LifetimeInMinutes ?? 60) ? "Expired" : "EnabledByPolicy";
    }

    private static JsonNode? Time(DateTimeOffset? time) => time is { } t ? GraphTime.Format(t) : null;
}

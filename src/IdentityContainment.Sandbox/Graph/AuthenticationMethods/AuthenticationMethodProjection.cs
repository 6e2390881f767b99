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
        };
        if (ServedCreatedDateTime(method) is { } created)
            json["createdDateTime"] = created.Value;
        foreach (var (name, value) in TypeProperties(method, now))
            json[name] = value;
        return json;
    }

    /// <summary>
    /// The createdDateTime Graph serves for the method's kind, or null to leave the property out. Every kind inherits it
    /// in the v1.0 CSDL, but the service fills it only for some (v1.0 resource pages and examples, CONTRACT §7):
    /// - phone, email, software OATH: their v1.0 resource pages list no createdDateTime and their examples carry none
    ///   (examples 07-getPhoneMethod, 07-getEmailMethod, 07-getSoftwareOathMethod), so the property is left out;
    /// - password: "This property is currently not populated" (passwordAuthenticationMethod resource page): null;
    /// - Microsoft Authenticator: "null if the device isn't registered for passwordless Phone Sign-In"
    ///   (microsoftAuthenticatorAuthenticationMethod resource page): dated only with <see cref="AuthenticationMethodRecord.PasswordlessPhoneSignIn"/>;
    /// - FIDO2, Windows Hello for Business, Temporary Access Pass, platform credential, external: dated (their resource
    ///   pages describe it as when the method was registered; examples 07-getFido2Method, 07-getWindowsHelloForBusinessMethod,
    ///   07-getTemporaryAccessPassMethod carry one), as is a type v1.0 does not define yet (it inherits the property).
    /// </summary>
    private static Served? ServedCreatedDateTime(AuthenticationMethodRecord method) => method.Type switch
    {
        AuthenticationMethodType.Phone or AuthenticationMethodType.Email or AuthenticationMethodType.SoftwareOath => null,
        AuthenticationMethodType.Password => new Served(null),
        AuthenticationMethodType.MicrosoftAuthenticator => new Served(method.PasswordlessPhoneSignIn ? Time(method.CreatedDateTime) : null),
        _ => new Served(Time(method.CreatedDateTime)),
    };

    /// <summary>A property's value as served, null included (a property left out is no Served at all).</summary>
    private sealed record Served(JsonNode? Value);

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

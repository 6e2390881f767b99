using System.Globalization;

namespace IdentityContainment.Detection.AuthenticationMethods;

/// <summary>What a person recognises a method by, in one line; a phone number only masked.</summary>
public static class MethodDisplayDetail
{
    public static string Of(AuthenticationMethodFacts method)
    {
        AuthenticationMethodType type = method.Type;
        string detail =
            type == AuthenticationMethodType.Phone ? Join(PhoneNumbers.Masked(method.PhoneNumber), method.PhoneType)
            : type == AuthenticationMethodType.MicrosoftAuthenticator ? Join(method.DisplayName, method.PhoneAppVersion is { Length: > 0 } v ? "app " + v : null)
            : type == AuthenticationMethodType.Fido2 ? Join(method.DisplayName, method.Model, method.AaGuid is { Length: > 0 } g ? "AAGUID " + g : null)
            : type == AuthenticationMethodType.Email ? method.EmailAddress ?? string.Empty
            : type == AuthenticationMethodType.TemporaryAccessPass ? TemporaryAccessPass(method)
            : type.IsKnown ? method.DisplayName ?? string.Empty
            : Join(method.ODataType, method.DisplayName);
        return detail;
    }

    private static string TemporaryAccessPass(AuthenticationMethodFacts pass) => Join(
        pass.StartDateTime is { } start ? "from " + start.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : null,
        pass.LifetimeInMinutes is { } minutes ? minutes.ToString(CultureInfo.InvariantCulture) + " minutes" : null,
        pass.IsUsableOnce == true ? "once" : null,
        pass.IsUsable switch { true => "usable", false => "not usable", null => null });

    private static string Join(params string?[] parts) => string.Join(", ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
}

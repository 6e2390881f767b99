using System.Text.Json.Serialization;

namespace IdentityContainment.Sandbox;

/// <summary>
/// One authentication method of a user. Flat on purpose: <see cref="Type"/> says which of the optional
/// properties apply (the same ones Graph's per-type resources carry).
/// </summary>
public sealed record AuthenticationMethodRecord
{
    public required string Id { get; init; }
    public required string UserId { get; init; }
    public required AuthenticationMethodType Type { get; init; }

    /// <summary>
    /// When the method was registered. Graph serves it only for some kinds (AuthenticationMethodProjection): the
    /// scenario keeps it for every method, as the ground truth of when it happened.
    /// </summary>
    public DateTimeOffset? CreatedDateTime { get; init; }

    /// <summary>
    /// microsoftAuthenticator: the app is registered for passwordless phone sign-in. Only then does Graph give the
    /// method a createdDateTime ("null if the device isn't registered for passwordless Phone Sign-In",
    /// microsoftAuthenticatorAuthenticationMethod resource page); a push or code Authenticator is listed undated.
    /// </summary>
    public bool PasswordlessPhoneSignIn { get; init; }

    /// <summary>microsoftAuthenticator, fido2, windowsHelloForBusiness.</summary>
    public string? DisplayName { get; init; }

    /// <summary>phone: e.g. "+1 2065555555".</summary>
    public string? PhoneNumber { get; init; }

    /// <summary>phone: mobile, alternateMobile or office.</summary>
    public string? PhoneType { get; init; }
    public string? SmsSignInState { get; init; }

    /// <summary>microsoftAuthenticator.</summary>
    public string? DeviceTag { get; init; }
    public string? PhoneAppVersion { get; init; }

    /// <summary>fido2.</summary>
    public string? AaGuid { get; init; }
    public string? Model { get; init; }
    public string? AttestationLevel { get; init; }
    public IReadOnlyList<string>? AttestationCertificates { get; init; }

    /// <summary>email.</summary>
    public string? EmailAddress { get; init; }

    /// <summary>temporaryAccessPass.</summary>
    public DateTimeOffset? StartDateTime { get; init; }
    public int? LifetimeInMinutes { get; init; }
    public bool? IsUsableOnce { get; init; }

    /// <summary>windowsHelloForBusiness, platformCredential: normal, weak or unknown.</summary>
    public string? KeyStrength { get; init; }

    /// <summary>platformCredential: windows, macOS, iOS, android, linux or unknown.</summary>
    public string? Platform { get; init; }

    /// <summary>external: the external authentication method configuration it belongs to.</summary>
    public string? ConfigurationId { get; init; }

    /// <summary>
    /// Only for <see cref="AuthenticationMethodType.Unrecognized"/>: the @odata.type a future Graph could send
    /// (e.g. "#microsoft.graph.qrCodePinAuthenticationMethod", a beta type today), so clients meet a type they do not know.
    /// </summary>
    [JsonPropertyName("odataType")]
    public string? ODataType { get; init; }

    /// <summary>
    /// The user's default MFA method. Graph does not show it on the method (v1.0 has no such property), but refuses to
    /// delete it while the user has other methods (see AuthenticationMethodDeleteRules).
    /// </summary>
    public bool IsDefault { get; init; }
}

/// <summary>The method kinds, named as in Graph's per-type paths (phoneMethods, fido2Methods...).</summary>
public enum AuthenticationMethodType
{
    Password,
    Phone,
    MicrosoftAuthenticator,
    Fido2,
    SoftwareOath,
    Email,
    TemporaryAccessPass,
    WindowsHelloForBusiness,
    PlatformCredential,
    External,

    /// <summary>A type v1.0 does not define yet; served only in the polymorphic list (and by id under /methods).</summary>
    Unrecognized,
}

/// <summary>Method ids Graph fixes for every user.</summary>
public static class WellKnownAuthenticationMethodIds
{
    public const string Password = "28c10230-6103-485e-b985-444c60001490";
    public const string Email = "3ddfcfc8-9383-446f-83cc-3ab9be4be18f";
    public const string MobilePhone = "3179e48a-750b-4051-897c-87b9720928f7";
    public const string AlternateMobilePhone = "b6332ec1-7057-4abe-9331-3d72feddfe41";
    public const string OfficePhone = "e37fc753-ff3b-4958-9484-eaa9425c82bc";
}

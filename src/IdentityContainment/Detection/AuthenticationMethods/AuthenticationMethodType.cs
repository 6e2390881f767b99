namespace IdentityContainment.Detection.AuthenticationMethods;

/// <summary>
/// One kind of authentication method Graph v1.0 lists (CONTRACT §7, the v1.0 CSDL): its name in findings, its
/// @odata.type, and the collection below /users/{id}/authentication/ that holds its items, which is the only path a
/// method is deleted through. The generic /authentication/methods/{id} lists but does not delete: the service answers
/// "No HTTP resource was found" (msgraph-sdk-powershell issue 937; msgraph-metadata issue 603 calls that path
/// undocumented), so a kind whose collection is unknown cannot be removed by the module.
/// </summary>
public sealed record AuthenticationMethodType(string Name, string? ODataType, string? ItemCollection, bool Deletable)
{
    /// <summary>The user's password: listed, never deleted (CSDL DeleteRestrictions on passwordMethods), and never a finding.</summary>
    public static readonly AuthenticationMethodType Password = Known("Password", "passwordAuthenticationMethod", "passwordMethods", deletable: false);

    public static readonly AuthenticationMethodType Phone = Known("Phone", "phoneAuthenticationMethod", "phoneMethods");

    public static readonly AuthenticationMethodType MicrosoftAuthenticator = Known("MicrosoftAuthenticator", "microsoftAuthenticatorAuthenticationMethod", "microsoftAuthenticatorMethods");

    public static readonly AuthenticationMethodType Fido2 = Known("Fido2", "fido2AuthenticationMethod", "fido2Methods");

    public static readonly AuthenticationMethodType SoftwareOath = Known("SoftwareOath", "softwareOathAuthenticationMethod", "softwareOathMethods");

    public static readonly AuthenticationMethodType Email = Known("Email", "emailAuthenticationMethod", "emailMethods");

    public static readonly AuthenticationMethodType TemporaryAccessPass = Known("TemporaryAccessPass", "temporaryAccessPassAuthenticationMethod", "temporaryAccessPassMethods");

    public static readonly AuthenticationMethodType WindowsHelloForBusiness = Known("WindowsHelloForBusiness", "windowsHelloForBusinessAuthenticationMethod", "windowsHelloForBusinessMethods");

    public static readonly AuthenticationMethodType PlatformCredential = Known("PlatformCredential", "platformCredentialAuthenticationMethod", "platformCredentialMethods");

    public static readonly AuthenticationMethodType External = Known("External", "externalAuthenticationMethod", "externalAuthenticationMethods");

    public const string UnknownName = "Unknown";

    private static readonly AuthenticationMethodType[] All =
    {
        Password, Phone, MicrosoftAuthenticator, Fido2, SoftwareOath, Email, TemporaryAccessPass, WindowsHelloForBusiness, PlatformCredential, External,
    };

    /// <summary>The names findings give the kinds the module knows, in the table's order.</summary>
    public static IEnumerable<string> KnownNames => All.Select(t => t.Name);

    public bool IsKnown => ItemCollection is not null;

    /// <summary>The kind an item's @odata.type names; a type the module does not know (Graph adds kinds) is kept as Unknown with that type, never dropped.</summary>
    public static AuthenticationMethodType FromODataType(string? odataType)
    {
        string bare = (odataType ?? string.Empty).TrimStart('#');
        return All.FirstOrDefault(t => string.Equals(t.ODataType, bare, StringComparison.OrdinalIgnoreCase))
            ?? new AuthenticationMethodType(UnknownName, odataType, null, Deletable: false);
    }

    /// <summary>The kind a finding names (its Type), so a removal finds the path again.</summary>
    public static AuthenticationMethodType? FromName(string? name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The item's own path, the one DELETE and the before-image read use; null for a kind without one.</summary>
    public string? ItemPath(string userId, string methodId) =>
        ItemCollection is null ? null : $"/users/{Uri.EscapeDataString(userId)}/authentication/{ItemCollection}/{Uri.EscapeDataString(methodId)}";

    private static AuthenticationMethodType Known(string name, string odataType, string collection, bool deletable = true) =>
        new(name, "microsoft.graph." + odataType, collection, deletable);
}

namespace IdentityContainment.Sandbox;

/// <summary>
/// One method type as Graph serves it: its @odata.type, its per-type collection under /users/{id}/authentication
/// (navigation properties of microsoft.graph.authentication in the v1.0 CSDL) and who may delete one (PERMS, CONTRACT §7).
/// </summary>
internal sealed record AuthenticationMethodKind(AuthenticationMethodType Type, string ODataType, string Segment, PermissionRequirement? Delete)
{
    // The .All application and delegated permissions every per-type delete also takes (PERMISSIONS-LOOKUP); acting on
    // oneself, a delegated caller may use the non-.All scopes (the handler limits those to the caller's own account).
    private static PermissionRequirement DeleteWith(params string[] typeScopes) => new(
        [.. typeScopes.Select(s => s + ".All"), "UserAuthenticationMethod.ReadWrite.All"],
        [.. typeScopes, .. typeScopes.Select(s => s + ".All"), "UserAuthenticationMethod.ReadWrite", "UserAuthenticationMethod.ReadWrite.All"]);

    /// <summary>
    /// Every type the sandbox serves. The password method is listed and read but has no delete (CSDL: passwordMethods
    /// Deletable false), so the router answers 405 for it. platformCredential and external deletes take the general
    /// UserAuthenticationMethod.ReadWrite(.All) only (graph-permissions.json lists no per-type permission for them).
    /// </summary>
    public static readonly IReadOnlyList<AuthenticationMethodKind> All =
    [
        new(AuthenticationMethodType.Password, "#microsoft.graph.passwordAuthenticationMethod", "passwordMethods", null),
        new(AuthenticationMethodType.Phone, "#microsoft.graph.phoneAuthenticationMethod", "phoneMethods", DeleteWith("UserAuthMethod-Phone.ReadWrite")),
        new(AuthenticationMethodType.MicrosoftAuthenticator, "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod", "microsoftAuthenticatorMethods", DeleteWith("UserAuthMethod-MicrosoftAuthApp.ReadWrite")),
        new(AuthenticationMethodType.Fido2, "#microsoft.graph.fido2AuthenticationMethod", "fido2Methods", DeleteWith("UserAuthMethod-Passkey.ReadWrite")),
        new(AuthenticationMethodType.SoftwareOath, "#microsoft.graph.softwareOathAuthenticationMethod", "softwareOathMethods", DeleteWith("UserAuthMethod-SoftwareOATH.ReadWrite")),
        new(AuthenticationMethodType.Email, "#microsoft.graph.emailAuthenticationMethod", "emailMethods", DeleteWith("UserAuthMethod-Email.ReadWrite")),
        new(AuthenticationMethodType.TemporaryAccessPass, "#microsoft.graph.temporaryAccessPassAuthenticationMethod", "temporaryAccessPassMethods", DeleteWith("UserAuthMethod-TAP.ReadWrite")),
        new(AuthenticationMethodType.WindowsHelloForBusiness, "#microsoft.graph.windowsHelloForBusinessAuthenticationMethod", "windowsHelloForBusinessMethods", DeleteWith("UserAuthMethod-WindowsHello.ReadWrite")),
        new(AuthenticationMethodType.PlatformCredential, "#microsoft.graph.platformCredentialAuthenticationMethod", "platformCredentialMethods", DeleteWith()),
        new(AuthenticationMethodType.External, "#microsoft.graph.externalAuthenticationMethod", "externalAuthenticationMethods", DeleteWith()),
    ];

    public static AuthenticationMethodKind Of(AuthenticationMethodType type) => All.First(k => k.Type == type);

    /// <summary>The @odata.type one method is served with (a scenario's own for a type v1.0 does not define).</summary>
    public static string ODataTypeOf(AuthenticationMethodRecord method) =>
        method.Type == AuthenticationMethodType.Unrecognized
            ? method.ODataType ?? "#microsoft.graph.authenticationMethod"
            : Of(method.Type).ODataType;
}

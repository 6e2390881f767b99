namespace IdentityContainment.Sandbox;

/// <summary>
/// What Graph refuses to delete, and how it says so. Each rule names its source; the password method has no delete at
/// all (CSDL: passwordMethods Deletable false; the router answers 405 as for any method a path lacks).
/// </summary>
internal static class AuthenticationMethodDeleteRules
{
    /// <summary>The refusal for deleting <paramref name="method"/> from a user who has <paramref name="all"/>, or null.</summary>
    public static GraphResponse? Refusal(AuthenticationMethodRecord method, IReadOnlyList<AuthenticationMethodRecord> all)
    {
        // phoneauthenticationmethod-delete: "A user can't have an alternateMobile number without a mobile number. If you
        // want to remove a mobile number from a user that also has an alternateMobile number, first update the mobile
        // number..., then delete the alternateMobile number." The error is not documented (CONTRACT §7: INFERRED 400).
        if (method is { Type: AuthenticationMethodType.Phone, PhoneType: "mobile" }
            && all.Any(m => m is { Type: AuthenticationMethodType.Phone, PhoneType: "alternateMobile" }))
            return GraphResponse.Error(400, "badRequest",
                "A user cannot have an alternateMobile phone without a mobile phone. Delete the alternateMobile phone or update the mobile number instead.");

        // phoneauthenticationmethod-delete: a number that "is the user's default Azure multi-factor authentication (MFA)
        // authentication method ... can't be deleted". The body real Graph answers with, for any method type, is in
        // microsoftgraph/microsoft-graph-docs#14470 (code "badRequest", lower-case b, as observed).
        var others = all.Count(m => m.Id != method.Id && m.Type != AuthenticationMethodType.Password);
        if (method.IsDefault && others > 0)
            return GraphResponse.Error(400, "badRequest",
                "Cannot delete default method with other methods configured. Please change default method before deletion.");
        return null;
    }
}

namespace IdentityContainment.Detection.AuthenticationMethods;

/// <summary>
/// Which kind of method a security info registration names, read from the audit entry's resultReason. Only wordings
/// seen in published logs are read, and only as far as they are sure; anything else names no kind (a registration of
/// "some method"), never a guess:
/// - "User registered Authenticator App with Notification and Code", "User registered Mobile Phone SMS", "User
///   registered Fido", "Admin registered phone method for user", "Admin registered temporary access pass method for
///   user" (janbakker.tech, "Microsoft 365 end-user notifications for changes in authentication methods", 2024-02-21);
/// - "User registered Fido2 Authentication Method", "User registered temporary access pass method"
///   (microsoftgraph/entra-powershell, Get-EntraAuditDirectoryLog.md, example 4).
/// "Authenticator App with Code" (no notification) names no kind: an app registered for codes may be a Microsoft
/// Authenticator or a software OATH token (the softwareOathAuthenticationMethod page: a Microsoft Authenticator "set up
/// via the third-party software authenticator flow" is listed as one), so the wording cannot tell the two apart.
/// Phones: a user has one number of each phone type (mobile, alternate mobile, office: the phoneAuthenticationMethod
/// page), so a wording that says which type names only that phone. "Mobile Phone" is the published wording; "Alternate"
/// and "Office" are read the same way, after the phone types Graph names (INFERRED: no published entry shows them).
/// A wording naming a phone without its type ("phone method") may be any of the user's phones.
/// </summary>
public static class SecurityInfoWording
{
    /// <summary>The kind and phone type a resultReason names, or (null, null) when it names none the module reads.</summary>
    public static (AuthenticationMethodType? Kind, string? PhoneType) KindOf(string? resultReason)
    {
        string text = resultReason ?? string.Empty;
        if (Has(text, "Authenticator App with Notification") || Has(text, "Microsoft Authenticator"))
        {
            return (AuthenticationMethodType.MicrosoftAuthenticator, null);
        }

        if (Has(text, "Fido"))
        {
            return (AuthenticationMethodType.Fido2, null);
        }

        if (Has(text, "temporary access pass"))
        {
            return (AuthenticationMethodType.TemporaryAccessPass, null);
        }

        if (Has(text, "Alternate Mobile Phone") || Has(text, "Alternate Phone"))
        {
            return (AuthenticationMethodType.Phone, "alternateMobile");
        }

        if (Has(text, "Office Phone"))
        {
            return (AuthenticationMethodType.Phone, "office");
        }

        if (Has(text, "Mobile Phone"))
        {
            return (AuthenticationMethodType.Phone, "mobile");
        }

        return Has(text, "phone method") ? (AuthenticationMethodType.Phone, null) : (null, null);
    }

    private static bool Has(string text, string words) => text.IndexOf(words, StringComparison.OrdinalIgnoreCase) >= 0;
}

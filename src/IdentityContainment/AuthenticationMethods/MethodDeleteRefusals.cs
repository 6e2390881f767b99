using IdentityContainment.Errors;
using IdentityContainment.Graph;

namespace IdentityContainment.AuthenticationMethods;

/// <summary>
/// Graph's refusals to delete a method, turned into errors that say what to do. The wording Graph uses is not
/// documented; these are the messages seen in public reports, matched loosely:
/// the default method ("Cannot delete default method with other methods configured. Please change default method
/// before deletion.", microsoft-graph-docs issue 14470; "... matches the user's current default authentication method,
/// and cannot be deleted until the default authentication method is changed", microsoft-graph-docs-contrib issue 1888),
/// and the mobile number while an alternate mobile exists (phoneauthenticationmethod-delete.md: a user "cannot have an
/// alternateMobile number without a mobile number").
/// </summary>
internal static class MethodDeleteRefusals
{
    public static ContainmentException? Explain(GraphError error, string method, string user)
    {
        if (error.Status != 400)
        {
            return null;
        }

        string graphSays = $"Graph said {error.Status} {error.Code}: {error.Message}";
        if (error.Message.IndexOf("default", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return new ContainmentException(
                ContainmentErrorKind.InvalidArgument,
                "AuthenticationMethodIsDefault",
                $"The {method} is {user}'s default sign-in method, and Graph does not delete a default method while others remain. Change the user's default method first (Entra admin center: the user's Authentication methods, Default sign-in method), or remove the user's other suspicious methods first, then run the removal again. {graphSays}",
                method) { RequestId = error.RequestId };
        }

        if (error.Message.IndexOf("alternate", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return new ContainmentException(
                ContainmentErrorKind.InvalidArgument,
                "MobilePhoneHasAlternate",
                $"The {method} is {user}'s mobile number, and Graph does not delete it while an alternate mobile number exists. Remove the alternate mobile phone method first (pass its finding too, or delete it in the Entra admin center), then run the removal again. {graphSays}",
                method) { RequestId = error.RequestId };
        }

        return null;
    }

    /// <summary>A finding whose kind Graph has no delete for: the password, or a kind the module does not know.</summary>
    public static ContainmentException NotDeletable(AuthenticationMethodFinding finding, string method)
    {
        bool password = string.Equals(finding.Type, Detection.AuthenticationMethods.AuthenticationMethodType.Password.Name, StringComparison.OrdinalIgnoreCase);
        string what = password
            ? "Graph never deletes the password method. Reset the password instead (Reset-CompromisedPassword)."
            : $"The module does not know how Graph deletes a method of type '{finding.ODataType ?? finding.Type}' (Graph deletes each kind only through its own path). Remove it in the Entra admin center (the user's Authentication methods).";
        return new ContainmentException(ContainmentErrorKind.NotSupported, password ? "PasswordMethodNotDeletable" : "AuthenticationMethodTypeNotDeletable", $"The {method} was not removed. {what}", method);
    }

    /// <summary>A finding without the user's object id or the method's id: nothing names what to delete.</summary>
    public static ContainmentException Incomplete(AuthenticationMethodFinding finding, string method) => new(
        ContainmentErrorKind.InvalidArgument,
        "IncompleteAuthenticationMethodFinding",
        $"The {method} was not removed: the finding lacks the user's object id or the method's id. Pass the findings the method hunt wrote, unchanged.",
        finding.MethodId.Length > 0 ? finding.MethodId : finding.UserPrincipalName);
}

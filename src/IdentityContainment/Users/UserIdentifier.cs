using IdentityContainment.Errors;

namespace IdentityContainment.Users;

/// <summary>Checks what an operator typed as a user before it reaches Graph: an object id (GUID) or a user principal name.</summary>
public static class UserIdentifier
{
    public static string Normalize(string? input)
    {
        string value = input?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            throw new ContainmentException(
                ContainmentErrorKind.InvalidArgument,
                "UserIdEmpty",
                "A user id was empty. Give each user's object id (GUID) or user principal name (name@contoso.com).",
                input);
        }

        if (Guid.TryParse(value, out Guid objectId))
        {
            return objectId.ToString("D");
        }

        if (!LooksLikeUserPrincipalName(value))
        {
            throw new ContainmentException(
                ContainmentErrorKind.InvalidArgument,
                "UserIdMalformed",
                $"'{value}' is neither an object id (GUID) nor a user principal name (name@domain). Pass the user's UPN or id, for example from Get-MgUser or Get-EXOMailbox.",
                input);
        }

        return value;
    }

    /// <summary>name@domain.tld, one @, no spaces; guest UPNs (alias_home.com#EXT#@tenant.onmicrosoft.com) included.</summary>
    private static bool LooksLikeUserPrincipalName(string value)
    {
        int at = value.IndexOf('@');
        if (at <= 0 || at != value.LastIndexOf('@') || value.Any(char.IsWhiteSpace))
        {
            return false;
        }

        string domain = value.Substring(at + 1);
        int dot = domain.IndexOf('.');
        return dot > 0 && dot < domain.Length - 1 && !domain.Contains("..");
    }
}

using IdentityContainment.Errors;
using IdentityContainment.Graph;

namespace IdentityContainment.Users;

/// <summary>
/// The error for a user Graph does not have, worded for the step that needed it: what was not done, and how to find
/// the right name for this same command (never another command's advice).
/// </summary>
public static class UserNotFound
{
    public static ContainmentException For(GraphOperation operation, string input, string? requestId, string? graphSays = null)
    {
        bool byId = Guid.TryParse(input, out _);
        string hint = byId
            ? "Check that it is the user's object id in this tenant (as the sign-in logs and the alert give it), not a device, app or home-tenant id."
            : "Check the spelling; a guest is named here by the UPN this tenant gave it (alias_home.com#EXT#@tenant.onmicrosoft.com), and a renamed user by its object id.";
        return new ContainmentException(
            ContainmentErrorKind.NotFound,
            operation.TargetNoun + "NotFound",
            $"Could not {operation.Description} '{input}': the tenant has no user with that {(byId ? "object id" : "user principal name")}, so nothing was done to it. {hint} A user deleted in the meantime is under Deleted users in Entra ID.{(graphSays is null ? string.Empty : " " + graphSays)}",
            input)
        { RequestId = requestId };
    }
}

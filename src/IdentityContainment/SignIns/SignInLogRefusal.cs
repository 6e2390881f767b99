using IdentityContainment.Errors;
using IdentityContainment.Graph;

namespace IdentityContainment.SignIns;

/// <summary>
/// Why Graph would not give a user's sign-in log, in words that say what to do: the tenant lacks the Entra ID P1/P2
/// licence, or the connection lacks AuditLog.Read.All (and, signed in as a user, a reports role).
/// </summary>
public static class SignInLogRefusal
{
    /// <summary>
    /// Graph's code for a tenant without Entra ID P1 or P2 (msgraph-sdk-dotnet issue 1006, microsoft-graph-docs issue
    /// 4336, MicrosoftDocs/azure-docs PR 77948: "Neither tenant is B2C or tenant doesn't have premium license").
    /// </summary>
    public const string NoPremiumLicenceCode = "Authentication_RequestFromNonPremiumTenantOrB2CTenant";

    private const string Licence = "an Entra ID P1 or P2 licence";

    public static ContainmentException Translate(GraphError error, string userId)
    {
        if (error.Status == 403 && string.Equals(error.Code, NoPremiumLicenceCode, StringComparison.OrdinalIgnoreCase))
        {
            return new ContainmentException(
                ContainmentErrorKind.PermissionDenied,
                "SignInLogNeedsPremiumLicence",
                $"Graph serves the sign-in log only to a tenant with {Licence}, and this tenant has none, so the sign-ins of '{userId}' cannot be read. Assign an Entra ID P1 or P2 licence in the tenant (the Entra admin center still shows 7 days of sign-ins without one). Graph said {error.Status} {error.Code}: {error.Message}",
                userId) { RequestId = error.RequestId };
        }

        if (error.Status == 403)
        {
            // Some tenants without the licence get a bare 403 too (invictus-ir/Microsoft-Extractor-Suite issue 202), so the
            // message names both causes.
            return new ContainmentException(
                ContainmentErrorKind.PermissionDenied,
                "SignInLogAccessDenied",
                $"The connection is not allowed to {GraphOperation.ReadSignIns.Description} '{userId}'. Grant the Graph permission {GraphOperation.ReadSignIns.Permission} (application permission for app sign-in, delegated scope for user sign-in) and, for user sign-in, the Entra role {GraphOperation.ReadSignIns.EntraRole}; the tenant also needs {Licence}. Then connect again. Graph said {error.Status} {error.Code}: {error.Message}",
                userId) { RequestId = error.RequestId };
        }

        return GraphErrorTranslator.Translate(error, GraphOperation.ReadSignIns, userId);
    }

    public static ContainmentException Translate(ListOutcome stopped, string userId) =>
        stopped.Error is { } error ? Translate(error, userId) : GraphErrorTranslator.Unexpected(stopped.Unanswered!, GraphOperation.ReadSignIns, userId);
}

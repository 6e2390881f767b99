namespace IdentityContainment.Sandbox;

/// <summary>
/// GET auditLogs/signIns (CONTRACT §9): newest first, "the maximum and default page size is 1,000 objects", the
/// documented $filter properties, in the reports service's limit (5 requests per 10 s per app and tenant, CONTRACT §13).
/// $orderby is listed on createdDateTime but not modelled, and $select is not listed: both are refused. The page's examples
/// combine clauses with and only; whether or works is not documented, so it is refused (Request_UnsupportedQuery).
/// </summary>
internal static class SignInHandlers
{
    public static GraphResponse List(GraphCallContext context)
    {
        // "You must have a Microsoft Entra ID P1 or P2 license to download sign-in logs using the Microsoft Graph API"
        // (signIn resource page). The answer Graph gives without one, observed: 403 with this code and message
        // (microsoftgraph/msgraph-sdk-dotnet#1006, microsoft-graph-docs-contrib#3033, MicrosoftDocs/azure-docs#77948).
        if (!context.Tenant.Info.HasEntraIdPremium)
            return GraphResponse.Error(403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
                "Neither tenant is B2C or tenant doesn't have premium license");
        var (query, error) = CollectionQuery<SignInRecord>.Read(context, SignInProjection.Properties, SignInFilter.Properties,
            CollectionPageSizes.SignIns, allowSelect: false, allowOr: false);
        // The tenant keeps sign-ins newest first with ties by id, which is the ordinal order of the paging key: no sort
        // per request, which matters for benchmark tenants with hundreds of thousands of sign-ins.
        return error ?? query!.Answer(SignInProjection.EntitySet, context.Tenant.SignIns, NewestFirstKey, SignInProjection.Properties);
    }

    private static string NewestFirstKey(SignInRecord signIn) => NewestFirstPageKey.Of(signIn.CreatedDateTime, signIn.Id);
}

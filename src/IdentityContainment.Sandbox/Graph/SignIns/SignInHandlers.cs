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
        if (error is not null)
            return error;
        // The tenant keeps sign-ins newest first with ties by id, which is the ordinal order of the paging key: no sort per
        // request, and a page after a $skiptoken starts where a binary search puts it instead of after a scan of every
        // earlier sign-in, which matters for benchmark tenants with hundreds of thousands of sign-ins.
        var signIns = context.Tenant.SignIns;
        var (page, hasMore) = PageFrom(signIns, query!.Paging.AfterKey is { } after ? FirstAfter(signIns, after) : 0, query.Match, query.Paging.Size);
        return query.Answer(SignInProjection.EntitySet, page, hasMore, NewestFirstKey, SignInProjection.Properties);
    }

    /// <summary>The first position whose paging key comes after <paramref name="afterKey"/>: keys grow along the list.</summary>
    private static int FirstAfter(IReadOnlyList<SignInRecord> signIns, string afterKey)
    {
        int low = 0, high = signIns.Count;
        while (low < high)
        {
            var middle = low + (high - low) / 2;
            if (string.CompareOrdinal(NewestFirstKey(signIns[middle]), afterKey) > 0)
                high = middle;
            else
                low = middle + 1;
        }
        return low;
    }

    /// <summary>Up to <paramref name="size"/> matching sign-ins from <paramref name="start"/> on, and whether more match.</summary>
    private static (IReadOnlyList<SignInRecord> Page, bool HasMore) PageFrom(IReadOnlyList<SignInRecord> signIns, int start, Func<SignInRecord, bool> match, int size)
    {
        var page = new List<SignInRecord>(Math.Min(size, 1000));
        for (var i = start; i < signIns.Count; i++)
        {
            if (!match(signIns[i]))
                continue;
            if (page.Count == size)
                return (page, true);
            page.Add(signIns[i]);
        }
        return (page, false);
    }

    private static string NewestFirstKey(SignInRecord signIn) => NewestFirstPageKey.Of(signIn.CreatedDateTime, signIn.Id);
}

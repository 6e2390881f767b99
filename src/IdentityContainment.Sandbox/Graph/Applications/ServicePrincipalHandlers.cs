namespace IdentityContainment.Sandbox;

/// <summary>
/// servicePrincipals (CONTRACT §5): the list (paged, $filter), one by object id or by appId
/// (servicePrincipals(appId='...')), and PATCH of accountEnabled, which is how an app is disabled without deleting it.
/// </summary>
internal static class ServicePrincipalHandlers
{
    public static GraphResponse List(GraphCallContext context)
    {
        var (query, error) = CollectionQuery<ServicePrincipalRecord>.Read(context, ServicePrincipalProjection.Properties,
            ServicePrincipalProjection.Filterable, CollectionPageSizes.ServicePrincipals);
        return error ?? query!.Answer(ServicePrincipalProjection.EntitySet,
            context.Tenant.ServicePrincipals.OrderBy(sp => sp.Id, StringComparer.Ordinal), sp => sp.Id, ServicePrincipalProjection.Properties);
    }

    public static GraphResponse Get(GraphCallContext context) => Answer(context, context.Tenant.FindServicePrincipal(context.RouteValues[0]));

    public static GraphResponse GetByAppId(GraphCallContext context) => Answer(context, context.Tenant.FindServicePrincipalByAppId(context.RouteValues[0]));

    public static GraphResponse Update(GraphCallContext context) => Update(context, context.Tenant.FindServicePrincipal(context.RouteValues[0]));

    public static GraphResponse UpdateByAppId(GraphCallContext context) => Update(context, context.Tenant.FindServicePrincipalByAppId(context.RouteValues[0]));

    private static GraphResponse Answer(GraphCallContext context, ServicePrincipalRecord? servicePrincipal)
    {
        if (!ServicePrincipalProjection.Properties.TryResolveSelect(context.Query.Select, out var select, out var error))
            return error!;
        return servicePrincipal is null
            ? GraphResponse.NotFound(context.RouteValues[0])
            : GraphResponse.Ok(ServicePrincipalProjection.Entity(servicePrincipal, select));
    }

    /// <summary>PATCH with {"accountEnabled": false}: 204 (CONTRACT §5).</summary>
    private static GraphResponse Update(GraphCallContext context, ServicePrincipalRecord? servicePrincipal)
    {
        if (servicePrincipal is null)
            return GraphResponse.NotFound(context.RouteValues[0]);
        var (accountEnabled, error) = AccountEnabledPatch.Read(context.Request.Body, ServicePrincipalProjection.Properties.All, "a service principal");
        if (error is not null)
            return error;
        // LEARN (CONTRACT §5): managed identities' service principals "cannot be updated or modified directly". The
        // exact error is not documented; the text is ours.
        if (servicePrincipal.ServicePrincipalType == "ManagedIdentity")
            return GraphResponse.Error(400, "Request_BadRequest", "A managed identity's service principal cannot be updated directly.");
        if (accountEnabled is { } enabled)
            context.Tenant.UpdateServicePrincipal(servicePrincipal.Id, sp => sp with { AccountEnabled = enabled });
        return GraphResponse.NoContent();
    }
}

namespace IdentityContainment.Sandbox;

/// <summary>
/// The body of POST oauth2PermissionGrants, checked as Graph checks it: clientId, consentType and resourceId are
/// required (the resource page marks them Required), principalId is required for Principal and must be absent for
/// AllPrincipals, each id names an object that exists, and scope is a string of at most 3850 characters (resource
/// page). The server makes the id; an id in the body (the docs example sends one, and a before-image carries one) is
/// not used.
/// </summary>
internal static class PermissionGrantBody
{
    private const int MaxScopeLength = 3850;
    private const string Resource = "OAuth2PermissionGrant";

    private static readonly string[] Known = ["id", "clientId", "consentType", "principalId", "resourceId", "scope"];

    public static (PermissionGrantRecord? Grant, GraphResponse? Error) Read(string? body, TenantState tenant)
    {
        var (json, error) = JsonBody.ParseDeclared(body, Known);
        if (error is not null)
            return (null, error);
        var clientId = JsonBody.String(json!, "clientId");
        var consentType = JsonBody.String(json!, "consentType");
        var principalId = JsonBody.String(json!, "principalId");
        var resourceId = JsonBody.String(json!, "resourceId");
        var scope = JsonBody.String(json!, "scope");

        if (!Guid.TryParse(clientId, out _) || tenant.FindServicePrincipal(clientId!) is null)
            return (null, Invalid("clientId"));
        if (!Guid.TryParse(resourceId, out _) || tenant.FindServicePrincipal(resourceId!) is null)
            return (null, Invalid("resourceId"));
        if (consentType is not (ConsentTypes.Principal or ConsentTypes.AllPrincipals))
            return (null, Invalid("consentType"));
        if (consentType == ConsentTypes.Principal && (principalId is null || tenant.FindUser(principalId) is not { } user || !string.Equals(user.Id, principalId, StringComparison.OrdinalIgnoreCase)))
            return (null, Invalid("principalId"));
        if (consentType == ConsentTypes.AllPrincipals && json!["principalId"] is not null)
            return (null, Invalid("principalId"));
        if (json!["scope"] is not null && scope is null || scope is { Length: > MaxScopeLength })
            return (null, Invalid("scope"));

        var client = tenant.FindServicePrincipal(clientId)!;
        var resource = tenant.FindServicePrincipal(resourceId)!;
        var principal = consentType == ConsentTypes.Principal ? principalId : null;
        return (new PermissionGrantRecord
        {
            Id = PermissionGrantIds.For(client.Id, resource.Id, principal),
            ClientId = client.Id,
            ConsentType = consentType,
            PrincipalId = principal,
            ResourceId = resource.Id,
            Scope = scope ?? "",
            CreatedDateTime = tenant.Now(),
        }, null);
    }

    // Directory services word a bad value this way ("Invalid value specified for property 'x' of resource 'y'.").
    private static GraphResponse Invalid(string property) =>
        GraphResponse.Error(400, "Request_BadRequest", $"Invalid value specified for property '{property}' of resource '{Resource}'.");
}

using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>POST /users/{id}/revokeSignInSessions: moves signInSessionsValidFromDateTime to now.</summary>
internal static class RevokeSignInSessionsHandler
{
    public static GraphResponse Handle(GraphCallContext context)
    {
        var user = context.Tenant.FindUser(context.RouteValues[0]);
        if (user is null)
            return GraphResponse.NotFound(context.RouteValues[0]);
        if (!SensitiveUserActions.IsAllowed(context.Caller, user, SensitiveUserAction.RevokeSessions))
            return GraphResponse.Forbidden();
        // Guests too: the timestamp moves, although their home-tenant sessions survive (the ground truth knows).
        context.Tenant.RevokeSignInSessions(user.Id);
        // Graph documents 204 but returns 200 with this body (CONTRACT §1, known issue).
        return GraphResponse.Ok(new JsonObject
        {
            ["@odata.context"] = GraphContext.MetadataBase + "Edm.Boolean",
            ["value"] = true,
        });
    }
}

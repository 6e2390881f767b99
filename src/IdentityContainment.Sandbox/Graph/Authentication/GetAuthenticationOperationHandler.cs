using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>GET users/{id}/authentication/operations/{id}: the state of a password reset (Graph's longRunningOperation).</summary>
internal sealed class GetAuthenticationOperationHandler(PasswordResetOperations operations)
{
    public GraphResponse Handle(GraphCallContext context)
    {
        var user = context.Tenant.FindUser(context.RouteValues[0]);
        if (user is null)
            return GraphResponse.NotFound(context.RouteValues[0]);
        var operation = operations.Poll(user.Id, context.RouteValues[1]);
        if (operation is null)
            return GraphResponse.NotFound(context.RouteValues[1]);

        var response = GraphResponse.Ok(new JsonObject
        {
            ["@odata.context"] = $"{GraphContext.MetadataBase}users('{user.Id}')/authentication/operations/$entity",
            ["id"] = operation.Id,
            ["createdDateTime"] = GraphTime.Format(operation.CreatedDateTime),
            ["lastActionDateTime"] = GraphTime.Format(operation.LastActionDateTime),
            ["resourceLocation"] = null,
            ["status"] = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(operation.Status.ToString()),
            ["statusDetail"] = operation.StatusDetail,
        });
        if (!operation.IsFinished)
            response.Headers["Retry-After"] = ResetPasswordHandler.RetryAfter(operations.Options.RetryAfter);
        return response;
    }
}

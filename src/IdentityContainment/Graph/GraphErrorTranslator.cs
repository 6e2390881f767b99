using IdentityContainment.Errors;

namespace IdentityContainment.Graph;

/// <summary>Turns Graph's errors into errors that tell the operator what to do next.</summary>
public static class GraphErrorTranslator
{
    public static ContainmentException Translate(GraphError error, GraphOperation operation, string target)
    {
        string graphSays = $"Graph said {error.Status} {error.Code}: {error.Message}";
        if (error.Status == 404 && operation.TargetNoun == "User")
        {
            return Users.UserNotFound.For(operation, target, error.RequestId, graphSays);
        }

        (ContainmentErrorKind kind, string id, string message) = error.Status switch
        {
            401 => (ContainmentErrorKind.AuthenticationFailed, "GraphAuthenticationFailed",
                $"Graph did not accept the connection's token when trying to {operation.Description} '{target}'. {graphSays} Run Connect-IdentityContainment again (an access token may have expired)."),
            403 => (ContainmentErrorKind.PermissionDenied, "GraphPermissionDenied",
                $"The connection is not allowed to {operation.Description} '{target}'. Grant the Graph permission {operation.Permission} (application permission for app sign-in, delegated scope for user sign-in) and, for user sign-in, the Entra role {operation.EntraRole}; then connect again. {graphSays}"),
            404 => (ContainmentErrorKind.NotFound, operation.TargetNoun + "NotFound",
                $"'{target}' was not found in the tenant. Check the object id or user principal name. {graphSays}"),
            429 => (ContainmentErrorKind.Throttled, "GraphThrottled",
                $"Graph kept throttling the request to {operation.Description} '{target}' after every retry. Run it again later or with fewer users at once. {graphSays}"),
            400 => (ContainmentErrorKind.InvalidArgument, "GraphBadRequest",
                $"Graph refused the request to {operation.Description} '{target}'. {graphSays}"),
            _ => (ContainmentErrorKind.ServiceError, "GraphServiceError",
                $"Graph failed to {operation.Description} '{target}'. {graphSays}"),
        };

        return new ContainmentException(kind, id, message, target) { RequestId = error.RequestId };
    }

    /// <summary>A call that got no answer from Graph at all (network, timeout after every retry, a failed sign-in).</summary>
    public static ContainmentException Unexpected(Exception error, GraphOperation operation, string target) =>
        new(
            ContainmentErrorKind.ServiceError,
            "GraphRequestFailed",
            $"Could not {operation.Description} '{target}': {error.GetType().Name}: {error.Message.Split('\n')[0].Trim()} Run it again for this user; each step is safe to repeat.",
            target,
            error);

    /// <summary>A list that stopped part-way: Graph's error for the page that failed, or why no answer came.</summary>
    public static ContainmentException Translate(ListOutcome stopped, GraphOperation operation, string target) =>
        stopped.Error is { } error ? Translate(error, operation, target) : Unexpected(stopped.Unanswered!, operation, target);
}

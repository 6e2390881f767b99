using IdentityContainment.Errors;
using IdentityContainment.Graph;

namespace IdentityContainment.Users;

/// <summary>What Graph said about one user: the state; or Graph's error; or, with neither, that no such user exists.</summary>
public sealed record UserLookup(string Input, ContainmentUser? User, GraphError? Error, string? RequestId)
{
    /// <summary>Why there is no user, in terms of the operation that needed it.</summary>
    public ContainmentException Failure(GraphOperation operation) =>
        Error is not null
            ? GraphErrorTranslator.Translate(Error, operation, Input)
            : new ContainmentException(
                ContainmentErrorKind.NotFound,
                operation.TargetNoun + "NotFound",
                $"'{Input}' was not found in the tenant: Graph has no user with that {(Guid.TryParse(Input, out _) ? "object id" : "user principal name")}. Check the id, or look the user up with Get-ContainmentUser.",
                Input)
            { RequestId = RequestId };
}

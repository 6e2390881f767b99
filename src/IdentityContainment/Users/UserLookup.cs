using IdentityContainment.Errors;
using IdentityContainment.Graph;

namespace IdentityContainment.Users;

/// <summary>
/// What Graph said about one user: the state; or Graph's error; or the failure that kept Graph from answering; or,
/// with none of these, that no such user exists.
/// </summary>
public sealed record UserLookup(string Input, ContainmentUser? User, GraphError? Error, string? RequestId, Exception? Unanswered = null)
{
    /// <summary>True when the user exists for all Graph said, but could not be read.</summary>
    public bool ReadFailed => User is null && (Error is not null || Unanswered is not null);

    /// <summary>Why there is no user, in terms of the operation that needed it.</summary>
    public ContainmentException Failure(GraphOperation operation) =>
        Unanswered is not null ? GraphErrorTranslator.Unexpected(Unanswered, operation, Input)
        : Error is not null ? GraphErrorTranslator.Translate(Error, operation, Input)
        : UserNotFound.For(operation, Input, RequestId);
}

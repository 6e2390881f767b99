namespace IdentityContainment.Errors;

/// <summary>
/// An error the engine explains: a stable id (the cmdlet's FullyQualifiedErrorId), a kind, the object it concerns and a
/// message that says what to do. Messages never carry secrets.
/// </summary>
public sealed class ContainmentException : Exception
{
    public ContainmentException(ContainmentErrorKind kind, string errorId, string message, object? target = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        ErrorId = errorId;
        Target = target;
    }

    public ContainmentErrorKind Kind { get; }

    public string ErrorId { get; }

    public object? Target { get; }

    /// <summary>Graph's request-id of the failed call, when there was one: what Microsoft support asks for.</summary>
    public string? RequestId { get; init; }
}

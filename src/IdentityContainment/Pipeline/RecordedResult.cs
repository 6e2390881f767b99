using IdentityContainment.Errors;

namespace IdentityContainment.Pipeline;

/// <summary>Which of a result, an error or a warning a <see cref="RecordedResult{T}"/> holds.</summary>
internal enum RecordedResultKind
{
    Result,
    Error,
    Warning,
}

/// <summary>One thing a decision reported: a result, an error or a warning (<see cref="Kind"/> says which is set).</summary>
internal sealed record RecordedResult<T>(RecordedResultKind Kind, T? Result, ContainmentException? Error, string? Warning);

using IdentityContainment.Errors;

namespace IdentityContainment.Pipeline;

/// <summary>Where the engine reports each result as soon as it has it, so output streams instead of waiting for the last user.</summary>
public interface IResultSink<in T>
{
    void Succeeded(T result);

    void Failed(ContainmentException error);

    /// <summary>Something the operator must know that is not an error: a guest whose home sessions survive, say.</summary>
    void Warn(string message);
}

public static class ResultSinkExtensions
{
    /// <summary>Reports the error and gives back its message, for the failed result that records it too.</summary>
    public static string FailedWith<T>(this IResultSink<T> results, ContainmentException error)
    {
        results.Failed(error);
        return error.Message;
    }
}

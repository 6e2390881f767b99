using IdentityContainment.Errors;

namespace IdentityContainment.Pipeline;

/// <summary>Passes results on and keeps them, for a step that needs what an earlier step reported.</summary>
public sealed class CollectingSink<T> : IResultSink<T>
{
    private readonly IResultSink<object> _next;
    private readonly List<T> _collected = new();

    public CollectingSink(IResultSink<object> next) => _next = next;

    public IReadOnlyList<T> Collected => _collected;

    public void Succeeded(T result)
    {
        _collected.Add(result);
        _next.Succeeded(result!);
    }

    public void Failed(ContainmentException error) => _next.Failed(error);

    public void Warn(string message) => _next.Warn(message);
}

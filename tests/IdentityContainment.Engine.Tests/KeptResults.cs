using IdentityContainment.Errors;
using IdentityContainment.Pipeline;

namespace IdentityContainment.Engine.Tests;

/// <summary>What a reader, hunt or removal reported, kept for assertions (the engine may report from many tasks, so it locks).</summary>
internal sealed class KeptResults<T> : IResultSink<T>
{
    private readonly object _lock = new();

    public List<T> Items { get; } = new();

    public List<ContainmentException> Errors { get; } = new();

    public List<string> Warnings { get; } = new();

    public void Succeeded(T result)
    {
        lock (_lock)
        {
            Items.Add(result);
        }
    }

    public void Failed(ContainmentException error)
    {
        lock (_lock)
        {
            Errors.Add(error);
        }
    }

    public void Warn(string message)
    {
        lock (_lock)
        {
            Warnings.Add(message);
        }
    }
}

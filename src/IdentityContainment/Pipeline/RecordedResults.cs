using IdentityContainment.Errors;

namespace IdentityContainment.Pipeline;

/// <summary>
/// What a decision reports, held in the order it was said: results, errors and warnings. A decision does no I/O, so it
/// records here; the work that called it writes the record on (<see cref="WriteTo"/>), and a test reads it.
/// </summary>
internal sealed class RecordedResults<T> : IResultSink<T>
{
    private readonly List<RecordedResult<T>> _entries = new();

    public IReadOnlyList<RecordedResult<T>> Entries => _entries;

    public IEnumerable<T> Results => _entries.Where(e => e.Kind == RecordedResultKind.Result).Select(e => e.Result!);

    public IEnumerable<ContainmentException> Errors => _entries.Where(e => e.Kind == RecordedResultKind.Error).Select(e => e.Error!);

    public IEnumerable<string> Warnings => _entries.Where(e => e.Kind == RecordedResultKind.Warning).Select(e => e.Warning!);

    public void Succeeded(T result) => _entries.Add(new RecordedResult<T>(RecordedResultKind.Result, result, null, null));

    public void Failed(ContainmentException error) => _entries.Add(new RecordedResult<T>(RecordedResultKind.Error, default, error, null));

    public void Warn(string message) => _entries.Add(new RecordedResult<T>(RecordedResultKind.Warning, default, null, message));

    /// <summary>Says everything recorded to <paramref name="results"/>, in the same order.</summary>
    public void WriteTo(IResultSink<T> results)
    {
        foreach (RecordedResult<T> entry in _entries)
        {
            switch (entry.Kind)
            {
                case RecordedResultKind.Result:
                    results.Succeeded(entry.Result!);
                    break;
                case RecordedResultKind.Error:
                    results.Failed(entry.Error!);
                    break;
                default:
                    results.Warn(entry.Warning!);
                    break;
            }
        }
    }
}

namespace IdentityContainment.Benchmarks.CommandLine;

/// <summary>
/// The benchmark could not measure anything trustworthy: the module is not built, a tool is missing, or a child
/// process failed. The message says what to do; it never carries a token.
/// </summary>
internal sealed class BenchmarkCannotRunException : Exception
{
    public BenchmarkCannotRunException(string message)
        : base(message)
    {
    }
}

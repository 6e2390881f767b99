namespace IdentityContainment.Sandbox;

/// <summary>A scenario could not be loaded; the message names the file and the problem on one line.</summary>
public sealed class ScenarioLoadException : Exception
{
    public ScenarioLoadException(string source, string problem, Exception? inner = null)
        : base($"{source}: {problem}", inner)
    {
        Source = source;
        Problem = problem;
    }

    /// <summary>The file (or bundled scenario) that failed.</summary>
    public new string Source { get; }
    public string Problem { get; }
}

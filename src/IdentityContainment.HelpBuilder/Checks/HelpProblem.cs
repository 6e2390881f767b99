namespace IdentityContainment.HelpBuilder.Checks;

/// <summary>
/// One reason the help cannot be built. Printed in MSBuild's error format (file(line): error CODE: text), so a build
/// shows it as an error that points at the markdown line to fix.
/// </summary>
internal sealed record HelpProblem(string File, int Line, string Message)
{
    public const string Code = "ICHELP";

    public override string ToString() => Line > 0
        ? $"{File}({Line}): error {Code}: {Message}"
        : $"{File}: error {Code}: {Message}";
}

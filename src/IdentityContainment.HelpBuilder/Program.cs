using System.Diagnostics;
using IdentityContainment.HelpBuilder;
using IdentityContainment.HelpBuilder.Checks;

// HelpBuilder <module-assembly.dll> <help-markdown-folder> <output-MAML-path>
// Exit codes: 0 help written; 1 the help does not match the cmdlets (each problem printed); 2 wrong arguments or a broken input.
if (args.Length != 3)
{
    Console.Error.WriteLine("Usage: HelpBuilder <module-assembly.dll> <help-markdown-folder> <output-MAML-path>");
    return 2;
}

string moduleAssembly = args[0];
string markdownFolder = args[1];
string mamlPath = args[2];

if (!File.Exists(moduleAssembly) || !Directory.Exists(markdownFolder))
{
    Console.Error.WriteLine($"{(File.Exists(moduleAssembly) ? markdownFolder : moduleAssembly)}: error {HelpProblem.Code}: not found.");
    return 2;
}

var clock = Stopwatch.StartNew();
IReadOnlyList<HelpProblem> problems;
int written;
try
{
    problems = HelpBuild.Run(moduleAssembly, markdownFolder, mamlPath, out written);
}
catch (Exception ex)
{
    // A build tool must end with a message the build log shows, whatever broke: an unloadable assembly, an unreadable file.
    Console.Error.WriteLine($"{moduleAssembly}: error {HelpProblem.Code}: could not build help: {ex.GetType().Name}: {ex.Message}");
    Console.Error.WriteLine(ex);
    return 2;
}

foreach (HelpProblem problem in problems)
{
    Console.Error.WriteLine(problem);
}

if (problems.Count > 0)
{
    Console.Error.WriteLine($"Help not written: {problems.Count} problem(s). Fix the markdown in {markdownFolder}, or the cmdlet it describes.");
    return 1;
}

Console.WriteLine($"Help for {written} cmdlets written to {mamlPath} in {clock.ElapsedMilliseconds} ms.");
return 0;

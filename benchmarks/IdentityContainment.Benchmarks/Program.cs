using System.Diagnostics;
using IdentityContainment.Benchmarks.ColdStart;
using IdentityContainment.Benchmarks.CommandLine;
using IdentityContainment.Benchmarks.OAuthHunt;
using IdentityContainment.Benchmarks.SignInHunt;

// Taken first, so a child process started by a benchmark can say how long the runtime took to reach its code.
long mainEntered = Stopwatch.GetTimestamp();

// Child processes are plumbing of a benchmark, not benchmarks: they are dispatched before any benchmark code runs.
if (args.Length > 0 && args[0] == HostedImportChild.CommandName)
{
    return HostedImportChild.Run(mainEntered, args[1..], Console.Out, Console.Error);
}

if (args.Length > 0 && args[0] == HuntChild.CommandName)
{
    return HuntChild.Run(args[1..], Console.Out, Console.Error);
}

if (args.Length > 0 && args[0] == SignInChild.CommandName)
{
    return SignInChild.Run(args[1..], Console.Out, Console.Error);
}

return await BenchmarkCommandLine.RunAsync(args, Console.Out, Console.Error);

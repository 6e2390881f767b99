using IdentityContainment.Drill;
using IdentityContainment.Sandbox;

// Exit codes: 0 every foothold closed, 1 some still open, 2 the drill could not run.
try
{
    DrillOptions options = DrillOptions.Parse(args);
    int open = await new DrillRunner(options, Console.Out).RunAsync();
    return open == 0 ? 0 : 1;
}
catch (Exception ex) when (ex is ArgumentException or FileNotFoundException or ScenarioLoadException)
{
    Console.Error.WriteLine($"drill: {ex.Message}");
    Console.Error.WriteLine(DrillOptions.Usage);
    return 2;
}

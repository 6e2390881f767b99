namespace IdentityContainment.Sandbox;

/// <summary>The sandbox executable: dotnet run --project src/IdentityContainment.Sandbox -- --scenario aitm-bec</summary>
internal static class Program
{
    public static Task<int> Main(string[] args) => SandboxCommand.RunAsync(args, Console.Out, Console.Error);
}

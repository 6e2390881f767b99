using System.Runtime.InteropServices;

namespace IdentityContainment.Benchmarks.Setup;

/// <summary>
/// How to start this benchmark's own assembly again as a child: <c>dotnet &lt;this dll&gt; ...</c>, the way a
/// framework-dependent host application starts, whether we were launched by dotnet run, the apphost or dotnet.
/// </summary>
internal static class SelfInvocation
{
    public static string DotnetHost { get; } = FindDotnetHost();

    public static string AssemblyPath { get; } = typeof(SelfInvocation).Assembly.Location;

    public static IReadOnlyList<string> Arguments(params string[] arguments) => [AssemblyPath, .. arguments];

    private static string FindDotnetHost()
    {
        string hostName = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } current && Path.GetFileName(current) == hostName)
        {
            return current;
        }

        // The runtime lives in <dotnet root>/shared/Microsoft.NETCore.App/<version>/; the host is at the root.
        string runtimeFolder = RuntimeEnvironment.GetRuntimeDirectory();
        string candidate = Path.GetFullPath(Path.Combine(runtimeFolder, "..", "..", "..", hostName));
        return File.Exists(candidate) ? candidate : hostName;
    }
}

using System.Reflection;

namespace IdentityContainment.Module.Tests.Harness;

/// <summary>
/// Paths the build wrote into this test assembly (Directory.Build.props, RealPwsh.targets): the module folder of this
/// configuration, and the pwsh and Pester the repository pins.
/// </summary>
internal static class BuildMetadata
{
    public static string Read(string key) =>
        typeof(BuildMetadata).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly carries no {key}: build it with dotnet build or dotnet test, which write it.");
}

using System.Reflection;
using System.Text.RegularExpressions;
using IdentityContainment.Benchmarks.CommandLine;

namespace IdentityContainment.Benchmarks.Setup;

/// <summary>
/// The built module folder, out/&lt;configuration&gt;/IdentityContainment/&lt;version&gt;/, that this benchmark's own build
/// made (its path is written into the assembly, see EmbedModuleFolder in Directory.Build.props).
/// Benchmarks import it by its manifest, exactly as a user would.
/// </summary>
internal sealed class ModuleUnderTest
{
    private const string SolutionFile = "ContainmentCmdlets.sln";

    private ModuleUnderTest(string repositoryRoot, string version, string folder)
    {
        RepositoryRoot = repositoryRoot;
        Version = version;
        Folder = folder;
    }

    public string RepositoryRoot { get; }

    public string Version { get; }

    public string Folder { get; }

    public string ManifestPath => Path.Combine(Folder, "IdentityContainment.psd1");

    /// <summary>Finds the module built from this repository, or says how to build it.</summary>
    public static ModuleUnderTest Locate()
    {
        string root = FindRepositoryRoot();
        string version = ReadModuleVersion(Path.Combine(root, "IdentityContainment.psd1"));
        string folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(BuiltModuleFolder()));
        string[] required =
        [
            Path.Combine(folder, "IdentityContainment.psd1"),
            Path.Combine(folder, "bin", "IdentityContainment.Loader.dll"),
            Path.Combine(folder, "bin", "net8.0", "IdentityContainment.dll"),
        ];
        string[] missing = required.Where(path => !File.Exists(path)).ToArray();
        if (missing.Length > 0)
        {
            throw new BenchmarkCannotRunException(
                $"The module {version} is not built: {string.Join(", ", missing)} is missing. "
                + "Build it with: dotnet build -c Release benchmarks/IdentityContainment.Benchmarks (this builds the module folder too).");
        }

        return new ModuleUnderTest(root, version, folder);
    }

    private static string BuiltModuleFolder() =>
        typeof(ModuleUnderTest).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == "IdentityContainment.ModuleFolder")?.Value
        ?? throw new BenchmarkCannotRunException("This benchmark build carries no module folder; build it with dotnet build.");

    private static string FindRepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        throw new BenchmarkCannotRunException($"No {SolutionFile} in any folder above {AppContext.BaseDirectory}; run the benchmark from its build output inside the repository.");
    }

    // The source manifest is the one place the version is written (Directory.Build.props reads it the same way).
    private static string ReadModuleVersion(string sourceManifest)
    {
        Match match = Regex.Match(File.ReadAllText(sourceManifest), @"ModuleVersion\s*=\s*'([0-9.]+)'");
        return match.Success ? match.Groups[1].Value : throw new BenchmarkCannotRunException($"No ModuleVersion in {sourceManifest}.");
    }
}

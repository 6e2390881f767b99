namespace IdentityContainment.Module.Tests.Harness;

/// <summary>Finds the built module folder (out/IdentityContainment/&lt;version&gt;) from the repository root.</summary>
public static class ModuleLocation
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string ModuleFolder { get; } = FindModuleFolder();

    public static string ManifestPath => Path.Combine(ModuleFolder, "IdentityContainment.psd1");

    public static string PrivateFolder => Path.Combine(ModuleFolder, "bin", "net8.0");

    private static string FindRepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ContainmentCmdlets.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No ContainmentCmdlets.sln above {AppContext.BaseDirectory}.");
    }

    private static string FindModuleFolder()
    {
        string manifest = File.ReadAllText(Path.Combine(RepositoryRoot, "IdentityContainment.psd1"));
        string version = System.Text.RegularExpressions.Regex.Match(manifest, @"ModuleVersion\s*=\s*'([0-9.]+)'").Groups[1].Value;
        string folder = Path.Combine(RepositoryRoot, "out", "IdentityContainment", version);
        if (!File.Exists(Path.Combine(folder, "bin", "net8.0", "IdentityContainment.dll")))
        {
            throw new InvalidOperationException($"The built module is missing at {folder}. Build the solution first: dotnet build ContainmentCmdlets.sln");
        }

        return folder;
    }
}

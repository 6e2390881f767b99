namespace IdentityContainment.Module.Tests.Harness;

/// <summary>The built module folder of this test build's configuration (out/&lt;configuration&gt;/IdentityContainment/&lt;version&gt;).</summary>
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
        string folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(BuildMetadata.Read("IdentityContainment.ModuleFolder")));
        if (!File.Exists(Path.Combine(folder, "bin", "net8.0", "IdentityContainment.dll")))
        {
            throw new InvalidOperationException($"The built module is missing at {folder}. Build the solution first: dotnet build ContainmentCmdlets.sln");
        }

        return folder;
    }
}

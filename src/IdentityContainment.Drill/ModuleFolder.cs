using System.Reflection;

namespace IdentityContainment.Drill;

/// <summary>
/// Finds the built module's manifest: out/&lt;configuration&gt;/IdentityContainment/&lt;version&gt;/, the folder the drill's
/// own build made (its path is written into the drill's assembly, see EmbedModuleFolder in Directory.Build.props).
/// </summary>
internal static class ModuleFolder
{
    public static string FindManifest(string? explicitPath)
    {
        if (explicitPath is not null)
        {
            return File.Exists(explicitPath) ? Path.GetFullPath(explicitPath) : throw new FileNotFoundException($"No module manifest at '{explicitPath}'.");
        }

        string? folder = typeof(ModuleFolder).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "IdentityContainment.ModuleFolder")?.Value;
        string? manifest = folder is null ? null : Path.Combine(folder, "IdentityContainment.psd1");
        return manifest is not null && File.Exists(manifest)
            ? Path.GetFullPath(manifest)
            : throw new FileNotFoundException($"The built module was not found at {folder ?? "out/<configuration>/IdentityContainment/<version>"}. Build the solution first: dotnet build ContainmentCmdlets.sln");
    }
}

namespace IdentityContainment.Drill;

/// <summary>Finds the built module's manifest: out/IdentityContainment/&lt;version&gt;/ in the repository the drill was built from.</summary>
internal static class ModuleFolder
{
    public static string FindManifest(string? explicitPath)
    {
        if (explicitPath is not null)
        {
            return File.Exists(explicitPath) ? Path.GetFullPath(explicitPath) : throw new FileNotFoundException($"No module manifest at '{explicitPath}'.");
        }

        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string root = Path.Combine(directory.FullName, "out", "IdentityContainment");
            if (Directory.Exists(root))
            {
                string? manifest = Directory.GetDirectories(root)
                    .Select(version => Path.Combine(version, "IdentityContainment.psd1"))
                    .Where(File.Exists)
                    .OrderByDescending(path => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(path)), out Version? v) ? v : new Version())
                    .FirstOrDefault();
                if (manifest is not null)
                {
                    return manifest;
                }
            }
        }

        throw new FileNotFoundException("The built module was not found under out/IdentityContainment. Build the solution first: dotnet build ContainmentCmdlets.sln");
    }
}

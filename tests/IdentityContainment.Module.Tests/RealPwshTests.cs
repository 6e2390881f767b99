using System.Text.Json;
using IdentityContainment.Module.Tests.Harness;

namespace IdentityContainment.Module.Tests;

/// <summary>The pwsh the real-pwsh tests run in: the repository's pinned one, blind to what the machine has installed.</summary>
public sealed class RealPwshTests
{
    [PwshFact]
    public void Pwsh_is_the_version_the_tool_manifest_pins_unless_IC_PWSH_names_another()
    {
        (int exitCode, string output) = Pwsh.Run(new[] { "-NoProfile", "-NonInteractive", "-Command", "'VERSION ' + $PSVersionTable.PSVersion" }, new Dictionary<string, string>(), ChildProcess.HangGuard);

        Assert.True(exitCode == 0, output);
        string version = output.Split('\n').Single(l => l.StartsWith("VERSION ", StringComparison.Ordinal))["VERSION ".Length..].Trim();
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Pwsh.OverrideVariable)))
        {
            Assert.Equal(PinnedPwshVersion(), version);
        }
        else
        {
            Assert.StartsWith("7.", version, StringComparison.Ordinal);
        }
    }

    [PwshFact]
    public void Modules_installed_for_the_user_are_not_on_the_module_path_of_pwsh()
    {
        (int exitCode, string output) = Pwsh.Run(new[] { "-NoProfile", "-NonInteractive", "-Command", "$env:PSModulePath -split [System.IO.Path]::PathSeparator | ForEach-Object { 'FOLDER ' + $_ }" }, new Dictionary<string, string>(), ChildProcess.HangGuard);

        Assert.True(exitCode == 0, output);
        string[] folders = output.Split('\n').Where(l => l.StartsWith("FOLDER ", StringComparison.Ordinal)).Select(l => l["FOLDER ".Length..].Trim()).ToArray();
        Assert.NotEmpty(folders);
        Assert.DoesNotContain(UsersModuleFolder(), folders);
    }

    /// <summary>Where pwsh looks for a user's modules, as README's Install puts them there.</summary>
    private static string UsersModuleFolder()
    {
        string? data = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        string root = string.IsNullOrEmpty(data) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share") : data;
        return Path.Combine(root, "powershell", "Modules");
    }

    private static string PinnedPwshVersion()
    {
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(ModuleLocation.RepositoryRoot, ".config", "dotnet-tools.json")));
        // Package ids are case-insensitive in a tool manifest, as in NuGet.
        JsonProperty tool = manifest.RootElement.GetProperty("tools").EnumerateObject().Single(t => t.Name.Equals("powershell", StringComparison.OrdinalIgnoreCase));
        return tool.Value.GetProperty("version").GetString()!;
    }
}

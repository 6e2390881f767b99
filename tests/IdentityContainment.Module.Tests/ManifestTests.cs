using System.Collections;
using System.Management.Automation;
using IdentityContainment.Module.Tests.Harness;

namespace IdentityContainment.Module.Tests;

/// <summary>The manifest a gallery, Azure Automation and PowerShell itself read.</summary>
public sealed class ManifestTests
{
    [Fact]
    public void Manifest_passes_test_module_manifest_in_the_hosted_engine()
    {
        using HostedPowerShell shell = new();

        ScriptResult result = shell.Run("param($Path) Test-ModuleManifest -Path $Path", Parameters.Of(("Path", ModuleLocation.ManifestPath)));

        Assert.Empty(result.AllErrors);
        PSModuleInfo module = result.Single<PSModuleInfo>();
        Assert.Equal("IdentityContainment", module.Name);
        Assert.Equal(new Version(0, 1, 0), module.Version);
        Assert.Equal(new[] { "Core", "Desktop" }, module.CompatiblePSEditions);
        Assert.Equal(new Version(5, 1), module.PowerShellVersion);
    }

    [Fact]
    public void Manifest_exports_explicit_lists_and_loads_nothing_behind_the_loader()
    {
        // Read as data, the way PowerShell reads a manifest: no code runs.
        var manifest = (Hashtable)System.Management.Automation.Language.Parser.ParseFile(ModuleLocation.ManifestPath, out _, out _)
            .Find(ast => ast is System.Management.Automation.Language.HashtableAst, searchNestedScriptBlocks: false)!
            .SafeGetValue();

        Assert.Equal("IdentityContainment.psm1", manifest["RootModule"]);
        string[] cmdlets = ((object[])manifest["CmdletsToExport"]!).Cast<string>().ToArray();
        Assert.DoesNotContain(cmdlets, c => c.Contains('*'));
        Assert.Empty((object[])manifest["FunctionsToExport"]!);
        Assert.Empty((object[])manifest["AliasesToExport"]!);
        Assert.False(manifest.ContainsKey("NestedModules"));
        Assert.False(manifest.ContainsKey("RequiredAssemblies"));
        Assert.False(manifest.ContainsKey("RequiredModules"));
        var tags = ((object[])((Hashtable)((Hashtable)manifest["PrivateData"]!)["PSData"]!)["Tags"]!).Cast<string>();
        Assert.Superset(new HashSet<string> { "Security", "IncidentResponse", "EntraID", "Microsoft365", "PSEdition_Core", "PSEdition_Desktop" }, tags.ToHashSet());

        using HostedPowerShell shell = new();
        shell.ImportModule();
        string[] exported = shell.Run("(Get-Module IdentityContainment).ExportedCmdlets.Keys").Output.Select(o => (string)o.BaseObject).Order().ToArray();
        Assert.Equal(cmdlets.Order(), exported);
    }
}

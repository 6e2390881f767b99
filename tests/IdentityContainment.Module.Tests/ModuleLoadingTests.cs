using System.Reflection;
using System.Runtime.Loader;
using IdentityContainment.Module.Tests.Harness;

namespace IdentityContainment.Module.Tests;

/// <summary>
/// The module keeps its identity stack to itself: ExchangeOnlineManagement, Microsoft.Graph or Az may hold other
/// versions of the same libraries in the default load context, and both must work in one process.
/// </summary>
public sealed class ModuleLoadingTests : IClassFixture<SandboxFixture>
{
    private static readonly string[] IsolatedLibraries =
    {
        "Azure.Core", "Microsoft.Identity.Client",
        "Microsoft.IdentityModel.JsonWebTokens", "Microsoft.IdentityModel.Tokens", "Microsoft.IdentityModel.Abstractions",
    };

    private readonly SandboxFixture _fixture;

    public ModuleLoadingTests(SandboxFixture fixture) => _fixture = fixture;

    [Fact]
    public void Module_works_beside_other_versions_of_azure_identity_msal_and_azure_core_in_the_default_context()
    {
        // What another module does first: load its own Azure.Identity, Azure.Core and MSAL into the default context.
        Assembly otherIdentity = LoadOtherModulesIdentityStack();

        using HostedPowerShell shell = new();
        shell.ImportModule();
        ConnectWithClientSecret(shell);
        ScriptResult read = shell.Run("param($User) Get-ContainmentUser -UserId $User", Parameters.Of(("User", CompromisedUserId())));

        Assert.Empty(read.AllErrors);
        Assert.Single(read.Output);
        Type moduleCredential = ModuleCredentialType();
        Type otherCredential = otherIdentity.GetType("Azure.Identity.ClientSecretCredential", throwOnError: true)!;
        Assert.NotSame(otherCredential, moduleCredential);
        Assert.NotEqual(otherCredential.Assembly.GetName().Version, moduleCredential.Assembly.GetName().Version);
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(otherIdentity));
    }

    [Fact]
    public void Identity_libraries_the_module_uses_load_in_its_private_context_from_its_own_folder()
    {
        using HostedPowerShell shell = new();
        shell.ImportModule();
        ConnectWithClientSecret(shell);
        shell.Run("param($User) Get-ContainmentUser -UserId $User", Parameters.Of(("User", CompromisedUserId()))).ThrowIfFailed();

        AssemblyLoadContext module = ModuleContext();
        foreach (string library in IsolatedLibraries)
        {
            Assembly loaded = LoadedIn(module, library);
            Assert.StartsWith(ModuleLocation.PrivateFolder, loaded.Location, StringComparison.Ordinal);
        }

        // Azure.Identity 1.21 is a facade whose credentials are forwarded to Azure.Core: what matters is where the
        // module's credential classes come from.
        Type credential = ModuleCredentialType();
        Assert.Same(module, AssemblyLoadContext.GetLoadContext(credential.Assembly));
        Assert.StartsWith(ModuleLocation.PrivateFolder, credential.Assembly.Location, StringComparison.Ordinal);

        // Nothing from the module's private folder may sit in the default context but the loader itself.
        Assert.DoesNotContain(
            AssemblyLoadContext.Default.Assemblies,
            a => !a.IsDynamic && a.Location.StartsWith(ModuleLocation.PrivateFolder, StringComparison.Ordinal));
    }

    [Fact]
    public void PowerShell_itself_stays_shared_and_is_never_shipped()
    {
        using HostedPowerShell shell = new();
        shell.ImportModule();

        Assert.DoesNotContain(ModuleContext().Assemblies, a => a.GetName().Name == "System.Management.Automation");
        Assert.Empty(Directory.GetFiles(ModuleLocation.ModuleFolder, "System.Management.Automation.dll", SearchOption.AllDirectories));
        Assert.Equal(
            new[] { "IdentityContainment.Loader.dll" },
            Directory.GetFiles(Path.Combine(ModuleLocation.ModuleFolder, "bin"), "*.dll").Select(Path.GetFileName));
    }

    [Fact]
    public void Remove_module_then_import_again_keeps_the_cmdlets_working()
    {
        using HostedPowerShell shell = new();
        shell.ImportModule();
        int exported = shell.Run("Get-Command -Module IdentityContainment").Output.Count;
        shell.Run("Remove-Module IdentityContainment -ErrorAction Stop").ThrowIfFailed();
        Assert.Empty(shell.Run("Get-Command -Module IdentityContainment").Output);

        shell.ImportModule();
        ConnectWithClientSecret(shell);
        ScriptResult read = shell.Run("param($User) Get-ContainmentUser -UserId $User", Parameters.Of(("User", CompromisedUserId())));

        Assert.Empty(read.AllErrors);
        Assert.Single(read.Output);
        Assert.Equal(exported, shell.Run("Get-Command -Module IdentityContainment").Output.Count);
        Assert.Equal(ModuleLocation.ModuleFolder, LoadedModuleFolder(shell));
    }

    [Fact]
    public void A_copy_on_the_module_path_is_never_found_in_place_of_the_build_under_test()
    {
        // What README's Install does, in a folder of this test's own: a module named IdentityContainment on PSModulePath.
        string folder = Path.Combine(Path.GetTempPath(), $"ic-installed-{Guid.NewGuid():N}");
        string installed = Path.Combine(folder, "IdentityContainment", "9.9.9");
        Directory.CreateDirectory(installed);
        File.WriteAllText(Path.Combine(installed, "IdentityContainment.psd1"), "@{ ModuleVersion = '9.9.9'; RootModule = 'IdentityContainment.psm1'; FunctionsToExport = 'Get-ContainmentUser' }");
        File.WriteAllText(Path.Combine(installed, "IdentityContainment.psm1"), "function Get-ContainmentUser { 'the installed copy' }");
        string? modulePath = Environment.GetEnvironmentVariable("PSModulePath");
        Environment.SetEnvironmentVariable("PSModulePath", folder + Path.PathSeparator + modulePath);
        try
        {
            using HostedPowerShell shell = new();

            Assert.Empty(shell.Run("Get-Command -Module IdentityContainment").Output);
            Assert.DoesNotContain(shell.Run("Get-ContainmentUser -ErrorAction SilentlyContinue").Output, o => o.ToString() == "the installed copy");

            shell.ImportModule();
            Assert.Equal(ModuleLocation.ModuleFolder, LoadedModuleFolder(shell));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PSModulePath", modulePath);
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string LoadedModuleFolder(HostedPowerShell shell) =>
        Assert.Single(shell.Run("Get-Module -Name IdentityContainment").Output.Select(o => ((System.Management.Automation.PSModuleInfo)o.BaseObject).ModuleBase));

    private void ConnectWithClientSecret(HostedPowerShell shell) =>
        shell.Run(
            "param($Tenant, $App, $Secret, $Authority, $Endpoint) Connect-IdentityContainment -TenantId $Tenant -ClientId $App -ClientSecret $Secret -AuthorityHost $Authority -GraphEndpoint $Endpoint -ErrorAction Stop",
            Parameters.Of(
                ("Tenant", _fixture.Sandbox.Tenant.TenantId),
                ("App", _fixture.AutomationApp.AppId),
                ("Secret", SandboxSecrets.AutomationAppSecret),
                ("Authority", _fixture.Sandbox.AuthorityHost!.AbsoluteUri),
                ("Endpoint", _fixture.Sandbox.HttpsGraphEndpoint!.AbsoluteUri)))
            .ThrowIfFailed();

    private string CompromisedUserId() => _fixture.Sandbox.Tenant.Footholds[0].UserId;

    private static Assembly LoadOtherModulesIdentityStack()
    {
        // Touch types so the runtime loads this project's (older) Azure.Identity, Azure.Core and MSAL by default.
        var credential = new Azure.Identity.ClientSecretCredential("00000000-0000-0000-0000-000000000001", "00000000-0000-0000-0000-000000000002", "not-used");
        GC.KeepAlive(credential);
        GC.KeepAlive(typeof(Microsoft.Identity.Client.ConfidentialClientApplicationBuilder));
        return typeof(Azure.Identity.ClientSecretCredential).Assembly;
    }

    /// <summary>The ClientSecretCredential the module's code binds to, resolved the way the module resolves it.</summary>
    private static Type ModuleCredentialType() =>
        ModuleContext().LoadFromAssemblyName(new AssemblyName("Azure.Identity")).GetType("Azure.Identity.ClientSecretCredential", throwOnError: true)!;

    private static AssemblyLoadContext ModuleContext() =>
        AssemblyLoadContext.All.Single(c => c.Name == "IdentityContainment");

    private static Assembly LoadedIn(AssemblyLoadContext context, string name) =>
        context.Assemblies.SingleOrDefault(a => a.GetName().Name == name)
        ?? throw new Xunit.Sdk.XunitException($"{name} is not loaded in the '{context.Name}' load context.");
}

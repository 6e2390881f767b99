using System.Reflection;
using System.Runtime.Loader;

namespace IdentityContainment.Loader;

/// <summary>
/// The module's private assembly load context: the module assembly and every library it ships
/// (Azure.Identity, Azure.Core, MSAL, Microsoft.IdentityModel) load here, so another
/// module's copy of the same libraries in the default context never meets ours.
/// </summary>
public sealed class ModuleLoadContext : AssemblyLoadContext
{
    private const string ModuleAssemblyName = "IdentityContainment";

    private static readonly object InitializeLock = new();
    private static ModuleLoadContext? _instance;

    private readonly string _privateFolder;
    private readonly string _frameworkFolder;

    private ModuleLoadContext(string privateFolder)
        : base(name: "IdentityContainment", isCollectible: false)
    {
        _privateFolder = privateFolder;
        _frameworkFolder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        ModuleAssembly = LoadFromAssemblyPath(Path.Combine(privateFolder, ModuleAssemblyName + ".dll"));
    }

    /// <summary>The module assembly, loaded inside this context; the psm1 imports it.</summary>
    public Assembly ModuleAssembly { get; }

    /// <summary>
    /// Creates the context once per process (a module cannot be unloaded from .NET, so a second import reuses
    /// it) and returns the module assembly. <paramref name="privateFolder"/> holds the module and its libraries.
    /// </summary>
    public static Assembly Initialize(string privateFolder)
    {
        lock (InitializeLock)
        {
            _instance ??= new ModuleLoadContext(Path.GetFullPath(privateFolder));
            return _instance.ModuleAssembly;
        }
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is null)
        {
            return null;
        }

        // The loader itself is already loaded in the default context; return that copy so types match.
        if (assemblyName.Name == typeof(ModuleLoadContext).Assembly.GetName().Name)
        {
            return typeof(ModuleLoadContext).Assembly;
        }

        string candidate = Path.Combine(_privateFolder, assemblyName.Name + ".dll");
        if (!File.Exists(candidate) || RuntimeProvidesAtLeast(assemblyName, candidate))
        {
            // Null falls back to the default context: System.Management.Automation and the .NET runtime's own
            // assemblies must be the process-wide ones.
            return null;
        }

        return LoadFromAssemblyPath(candidate);
    }

    /// <summary>
    /// A package copy of a framework assembly (System.Text.Json, System.Diagnostics.DiagnosticSource…) is only
    /// worth loading privately when the running .NET is older than the copy.
    /// </summary>
    private bool RuntimeProvidesAtLeast(AssemblyName requested, string privateCopy)
    {
        string frameworkCopy = Path.Combine(_frameworkFolder, requested.Name + ".dll");
        if (!File.Exists(frameworkCopy))
        {
            return false;
        }

        Version? runtimeVersion = AssemblyName.GetAssemblyName(frameworkCopy).Version;
        Version? privateVersion = AssemblyName.GetAssemblyName(privateCopy).Version;
        return runtimeVersion is not null && (privateVersion is null || runtimeVersion >= privateVersion);
    }
}

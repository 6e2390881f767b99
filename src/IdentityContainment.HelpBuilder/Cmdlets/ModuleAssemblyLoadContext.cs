using System.Reflection;
using System.Runtime.Loader;

namespace IdentityContainment.HelpBuilder.Cmdlets;

/// <summary>
/// Loads the built module assembly and the libraries beside it, so its cmdlet types can be reflected as real types.
/// The module is compiled against PowerShellStandard's reference System.Management.Automation, which has attributes but
/// no code; every assembly this tool already runs with (the real System.Management.Automation among them, and the
/// .NET runtime) is left to the default context, so the module's ParameterAttribute is the very type this tool reads.
/// </summary>
internal sealed class ModuleAssemblyLoadContext : AssemblyLoadContext
{
    private static readonly HashSet<string> HostAssemblies = ReadHostAssemblies();

    private readonly string _moduleFolder;

    public ModuleAssemblyLoadContext(string moduleAssemblyPath)
        : base("HelpBuilder module", isCollectible: false)
    {
        _moduleFolder = Path.GetDirectoryName(Path.GetFullPath(moduleAssemblyPath))!;
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is null || HostAssemblies.Contains(assemblyName.Name))
        {
            return null;
        }

        string candidate = Path.Combine(_moduleFolder, assemblyName.Name + ".dll");
        return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
    }

    /// <summary>The assemblies the default context resolves by itself: the runtime's and this tool's own dependencies.</summary>
    private static HashSet<string> ReadHostAssemblies()
    {
        string list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
        return list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}

#if NETFRAMEWORK
using System.Reflection;

namespace IdentityContainment.Loading;

/// <summary>
/// Windows PowerShell 5.1 has no assembly load contexts: the module's libraries are found through AssemblyResolve and
/// loaded from the module's own bin/net472 folder. A library that another module already loaded in another version
/// can still conflict there; the README says so.
/// </summary>
public static class DesktopAssemblyResolver
{
    private static readonly object RegisterLock = new();
    private static string? _privateFolder;

    /// <summary>Called once by the psm1, before any cmdlet runs.</summary>
    public static void Register(string privateFolder)
    {
        lock (RegisterLock)
        {
            if (_privateFolder is not null)
            {
                return;
            }

            _privateFolder = privateFolder;
            AppDomain.CurrentDomain.AssemblyResolve += Resolve;
        }
    }

    private static Assembly? Resolve(object? sender, ResolveEventArgs args)
    {
        string candidate = Path.Combine(_privateFolder!, new AssemblyName(args.Name).Name + ".dll");
        return File.Exists(candidate) ? Assembly.LoadFrom(candidate) : null;
    }
}
#endif

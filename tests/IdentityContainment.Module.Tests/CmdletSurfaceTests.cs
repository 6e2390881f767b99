using System.Management.Automation;
using System.Reflection;
using IdentityContainment.Module.Tests.Harness;

namespace IdentityContainment.Module.Tests;

/// <summary>
/// No Graph SDK, Kiota, Azure or MSAL type may cross the cmdlet boundary: such a type would tie the user's objects to
/// the module's private copy of a library, and break beside another module's copy.
/// </summary>
public sealed class CmdletSurfaceTests
{
    private static readonly string[] IsolatedAssemblyPrefixes =
    {
        "Microsoft.Graph", "Microsoft.Kiota", "Azure.", "Microsoft.Identity.", "Microsoft.IdentityModel", "System.IdentityModel", "Std.UriTemplate",
    };

    [Fact]
    public void Cmdlet_parameters_and_outputs_use_only_the_module_own_and_framework_types()
    {
        using HostedPowerShell shell = new();
        shell.ImportModule();
        List<CmdletInfo> cmdlets = shell.Run("Get-Command -Module IdentityContainment -CommandType Cmdlet").Objects<CmdletInfo>().ToList();
        Assert.NotEmpty(cmdlets);

        var offenders = new List<string>();
        foreach (CmdletInfo cmdlet in cmdlets)
        {
            foreach (PropertyInfo parameter in cmdlet.ImplementingType.GetProperties().Where(p => p.IsDefined(typeof(ParameterAttribute))))
            {
                offenders.AddRange(Isolated(parameter.PropertyType, new HashSet<Type>()).Select(t => $"{cmdlet.Name} -{parameter.Name}: {t}"));
            }

            foreach (PSTypeName output in cmdlet.OutputType)
            {
                offenders.AddRange(Isolated(output.Type, new HashSet<Type>()).Select(t => $"{cmdlet.Name} output: {t}"));
            }
        }

        Assert.True(offenders.Count == 0, "Isolated library types cross the cmdlet boundary:\n" + string.Join("\n", offenders));
    }

    /// <summary>The type, its element and generic arguments, and for the module's own types their public properties.</summary>
    private static IEnumerable<Type> Isolated(Type? type, HashSet<Type> seen)
    {
        if (type is null || !seen.Add(type))
        {
            yield break;
        }

        string assembly = type.Assembly.GetName().Name ?? string.Empty;
        if (IsolatedAssemblyPrefixes.Any(prefix => assembly.StartsWith(prefix, StringComparison.Ordinal)))
        {
            yield return type;
        }

        IEnumerable<Type> inner = type.GetGenericArguments().Append(type.GetElementType()!).Where(t => t is not null);
        if (assembly == "IdentityContainment")
        {
            inner = inner.Concat(type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.PropertyType));
        }

        foreach (Type child in inner)
        {
            foreach (Type found in Isolated(child, seen))
            {
                yield return found;
            }
        }
    }
}

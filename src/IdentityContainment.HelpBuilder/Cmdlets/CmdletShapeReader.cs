using System.Collections;
using System.Management.Automation;
using System.Reflection;

namespace IdentityContainment.HelpBuilder.Cmdlets;

/// <summary>Reads the cmdlets of a module assembly from the attributes PowerShell itself binds by.</summary>
internal static class CmdletShapeReader
{
    public static IReadOnlyList<CmdletShape> ReadAll(Assembly moduleAssembly) =>
        moduleAssembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Cmdlet).IsAssignableFrom(t))
            .Select(t => (Type: t, Attribute: t.GetCustomAttribute<CmdletAttribute>()))
            .Where(x => x.Attribute is not null)
            .Select(x => Read(x.Type, x.Attribute!))
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

    private static CmdletShape Read(Type cmdletType, CmdletAttribute cmdlet)
    {
        object? defaults = CreateForDefaults(cmdletType);
        try
        {
            List<ParameterShape> parameters = ParameterMembers(cmdletType)
                .Select(m => ReadParameter(m, defaults))
                .OfType<ParameterShape>()
                .ToList();

            // Named sets in the order they are first declared; a cmdlet that names none has the single implicit set.
            List<string> sets = parameters.SelectMany(p => p.Uses).Select(u => u.ParameterSet)
                .Where(s => s != ParameterAttribute.AllParameterSets)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (sets.Count == 0)
            {
                sets.Add(ParameterAttribute.AllParameterSets);
            }
            else if (cmdlet.DefaultParameterSetName is { } defaultSet && sets.Remove(defaultSet))
            {
                sets.Insert(0, defaultSet);
            }

            List<string> outputs = cmdletType.GetCustomAttributes<OutputTypeAttribute>(inherit: true)
                .SelectMany(o => o.Type)
                .Select(t => t.Type == typeof(void) ? "None" : t.Type?.FullName ?? t.Name)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();

            return new CmdletShape(
                $"{cmdlet.VerbName}-{cmdlet.NounName}",
                cmdlet.VerbName,
                cmdlet.NounName,
                cmdlet.SupportsShouldProcess,
                sets,
                cmdlet.DefaultParameterSetName,
                parameters,
                outputs.Count == 0 ? ["None"] : outputs);
        }
        finally
        {
            (defaults as IDisposable)?.Dispose();
        }
    }

    /// <summary>Public properties and fields, base classes' included, in declaration order (derived class first).</summary>
    private static IEnumerable<MemberInfo> ParameterMembers(Type cmdletType)
    {
        for (Type? type = cmdletType; type is not null && type != typeof(PSCmdlet) && type != typeof(Cmdlet); type = type.BaseType)
        {
            const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly;
            foreach (MemberInfo member in type.GetProperties(Declared).Cast<MemberInfo>().Concat(type.GetFields(Declared)).OrderBy(m => m.MetadataToken))
            {
                yield return member;
            }
        }
    }

    private static ParameterShape? ReadParameter(MemberInfo member, object? defaults)
    {
        List<ParameterAttribute> declarations = member.GetCustomAttributes<ParameterAttribute>().ToList();
        if (declarations.Count == 0 || declarations.All(d => d.DontShow))
        {
            return null;
        }

        Type type = member is PropertyInfo property ? property.PropertyType : ((FieldInfo)member).FieldType;
        List<ParameterSetUse> uses = declarations
            .Select(d => new ParameterSetUse(
                d.ParameterSetName,
                d.Mandatory,
                d.Position == int.MinValue ? null : d.Position,
                d.ValueFromPipeline,
                d.ValueFromPipelineByPropertyName))
            .ToList();

        Type valueType = Nullable.GetUnderlyingType(type) ?? (type.IsArray ? type.GetElementType()! : type);
        List<string> allowed = member.GetCustomAttribute<ValidateSetAttribute>()?.ValidValues.ToList()
            ?? (valueType.IsEnum ? Enum.GetNames(valueType).ToList() : []);

        return new ParameterShape(
            member.Name,
            type,
            member.GetCustomAttributes<AliasAttribute>().SelectMany(a => a.AliasNames).ToList(),
            uses,
            allowed,
            member.IsDefined(typeof(SupportsWildcardsAttribute)),
            DefaultOf(member, defaults));
    }

    /// <summary>A new, unbound cmdlet object holds each parameter's initializer: the default PowerShell uses when it is not given.</summary>
    private static object? CreateForDefaults(Type cmdletType)
    {
        try
        {
            return Activator.CreateInstance(cmdletType);
        }
        catch (Exception ex) when (ex is MissingMethodException or TargetInvocationException or MemberAccessException)
        {
            return null;
        }
    }

    private static string? DefaultOf(MemberInfo member, object? instance)
    {
        if (instance is null)
        {
            return null;
        }

        object? value = member is PropertyInfo property ? property.GetValue(instance) : ((FieldInfo)member).GetValue(instance);
        return value switch
        {
            null => null,
            SwitchParameter flag => flag.IsPresent ? "True" : "False",
            string text => text.Length == 0 ? null : text,
            ICollection { Count: 0 } => null,
            IEnumerable items and not string => string.Join(", ", items.Cast<object?>()),
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}

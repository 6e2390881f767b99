namespace IdentityContainment.HelpBuilder.Cmdlets;

/// <summary>Type names as help shows them: short in syntax (String[]), full where a reader may look the type up.</summary>
internal static class TypeDisplayName
{
    public static string Short(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Short(underlying);
        }

        if (type.IsArray)
        {
            return Short(type.GetElementType()!) + "[]";
        }

        if (type.IsGenericType)
        {
            string name = type.Name[..type.Name.IndexOf('`')];
            return $"{name}[{string.Join(", ", type.GetGenericArguments().Select(Short))}]";
        }

        return type.Name;
    }

    public static string Full(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Full(underlying);
        }

        if (type.IsArray)
        {
            return Full(type.GetElementType()!) + "[]";
        }

        return type.FullName ?? type.Name;
    }
}

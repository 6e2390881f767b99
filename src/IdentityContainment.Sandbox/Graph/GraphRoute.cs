namespace IdentityContainment.Sandbox;

/// <summary>
/// One Graph operation: method and path template ("users/{id}/revokeSignInSessions"), the permissions
/// that allow it, the service limit it counts against and its base resource-unit cost.
/// </summary>
internal sealed class GraphRoute
{
    private readonly string[] _template;

    public GraphRoute(string method, string template, PermissionRequirement permission, Func<GraphCallContext, GraphResponse> handler,
        ThrottleClass throttleClass = ThrottleClass.IdentityAndAccess, int baseCost = 1)
    {
        Method = method;
        Template = template;
        _template = template.Split('/');
        Permission = permission;
        Handler = handler;
        ThrottleClass = throttleClass;
        BaseCost = baseCost;
    }

    public string Method { get; }
    public string Template { get; }
    public PermissionRequirement Permission { get; }
    public Func<GraphCallContext, GraphResponse> Handler { get; }
    public ThrottleClass ThrottleClass { get; }
    public int BaseCost { get; }

    /// <summary>Writes count against the write quota.</summary>
    public bool IsWrite => GraphMethods.IsWrite(Method);

    /// <summary>Matches the path; on success returns the values of the {placeholders}, in order.</summary>
    public bool TryMatch(IReadOnlyList<string> segments, out IReadOnlyList<string> values)
    {
        values = [];
        if (segments.Count != _template.Length)
            return false;
        var captured = new List<string>();
        for (var i = 0; i < _template.Length; i++)
        {
            if (_template[i].StartsWith('{'))
                captured.Add(segments[i]);
            else if (!string.Equals(_template[i], segments[i], StringComparison.OrdinalIgnoreCase))
                return false;
        }
        values = captured;
        return true;
    }
}

internal static class GraphMethods
{
    public static bool IsWrite(string method) =>
        method is "POST" or "PATCH" or "PUT" or "DELETE";
}

using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>
/// The properties of one Graph entity type as the sandbox serves them: how each is read from a
/// record, in the order Graph writes them, with $select resolved to Graph's casing.
/// </summary>
internal sealed class EntityProperties<T>
{
    private readonly (string Name, Func<T, JsonNode?> Read)[] _properties;
    private readonly Dictionary<string, int> _indexByName;

    public EntityProperties(string typeName, params (string Name, Func<T, JsonNode?> Read)[] properties)
    {
        TypeName = typeName;
        _properties = properties;
        _indexByName = properties.Select((p, i) => (p.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The qualified type name, e.g. microsoft.graph.device.</summary>
    public string TypeName { get; }

    /// <summary>Every property, in order: what Graph returns without $select.</summary>
    public IReadOnlyList<string> All => _properties.Select(p => p.Name).ToArray();

    /// <summary>
    /// The $select list in Graph's casing (null when none was asked for), or the 400 Graph gives for a
    /// property the type does not have.
    /// </summary>
    public bool TryResolveSelect(IReadOnlyList<string>? select, out IReadOnlyList<string>? resolved, out GraphResponse? error)
    {
        resolved = null;
        error = null;
        if (select is null)
            return true;
        var names = new List<string>();
        foreach (var name in select)
        {
            if (!_indexByName.TryGetValue(name, out var index))
            {
                error = GraphResponse.Error(400, "Request_BadRequest", $"Could not find a property named '{name}' on type '{TypeName}'.");
                return false;
            }
            if (!names.Contains(_properties[index].Name))
                names.Add(_properties[index].Name);
        }
        resolved = names;
        return true;
    }

    /// <param name="select">Resolved names, or null for every property.</param>
    public JsonObject Project(T record, IReadOnlyList<string>? select)
    {
        var json = new JsonObject();
        foreach (var name in select ?? All)
            json[name] = _properties[_indexByName[name]].Read(record);
        return json;
    }
}

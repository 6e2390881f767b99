namespace IdentityContainment.Connection;

/// <summary>Where each cloud signs in and where its Microsoft Graph lives.</summary>
public sealed record CloudEndpoints(CloudEnvironment Environment, Uri AuthorityHost, Uri GraphEndpoint, string GraphResource)
{
    /// <summary>Graph's application id: a token for Graph may name either it or the resource URL as its audience.</summary>
    public const string GraphApplicationId = "00000003-0000-0000-c000-000000000000";

    public static CloudEndpoints For(CloudEnvironment environment) => environment switch
    {
        CloudEnvironment.Global => Create(environment, "https://login.microsoftonline.com/", "https://graph.microsoft.com"),
        CloudEnvironment.USGov => Create(environment, "https://login.microsoftonline.us/", "https://graph.microsoft.us"),
        CloudEnvironment.USGovDoD => Create(environment, "https://login.microsoftonline.us/", "https://dod-graph.microsoft.us"),
        CloudEnvironment.China => Create(environment, "https://login.chinacloudapi.cn/", "https://microsoftgraph.chinacloudapi.cn"),
        _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, "Unknown cloud environment."),
    };

    /// <summary>The scope that asks for every application permission granted to the app (client credentials, managed identity).</summary>
    public string DefaultScope => GraphResource + "/.default";

    /// <summary>Whether a token's audience names this cloud's Graph.</summary>
    public bool IsGraphAudience(string? audience) =>
        audience is not null
        && (string.Equals(audience.TrimEnd('/'), GraphResource, StringComparison.OrdinalIgnoreCase)
            || string.Equals(audience, GraphApplicationId, StringComparison.OrdinalIgnoreCase));

    private static CloudEndpoints Create(CloudEnvironment environment, string authority, string graph) =>
        new(environment, new Uri(authority), new Uri(graph + "/v1.0"), graph);
}

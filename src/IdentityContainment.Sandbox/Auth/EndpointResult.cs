using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>The answer of a non-Graph endpoint (token, managed identity, discovery): status, JSON and headers.</summary>
internal sealed record EndpointResult(int Status, JsonNode Body)
{
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The client the request was for, for the request log.</summary>
    public string? AppId { get; init; }

    public RequestOutcome Outcome { get; init; } = RequestOutcome.Served;
}

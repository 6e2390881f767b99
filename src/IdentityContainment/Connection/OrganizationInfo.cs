using System.Text.Json.Nodes;
using IdentityContainment.Graph;

namespace IdentityContainment.Connection;

/// <summary>The tenant as GET /organization describes it: what the connection shows and checks -TenantId against.</summary>
internal sealed record OrganizationInfo(string? Id, string? DisplayName, IReadOnlyList<string> VerifiedDomains, string? DefaultDomain)
{
    public const string Select = "id,displayName,verifiedDomains";

    /// <summary>The first organization of a GET /organization answer (a tenant has one), or null.</summary>
    public static OrganizationInfo? From(JsonNode? body)
    {
        if (CollectionPage.Read(body).Items.FirstOrDefault() is not JsonObject organization)
        {
            return null;
        }

        JsonObject[] domains = (organization["verifiedDomains"] as JsonArray)?.OfType<JsonObject>().ToArray() ?? Array.Empty<JsonObject>();
        return new OrganizationInfo(
            Text(organization["id"]),
            Text(organization["displayName"]),
            domains.Select(d => Text(d["name"])).OfType<string>().ToArray(),
            domains.Where(d => d["isDefault"] is JsonValue v && v.TryGetValue(out bool isDefault) && isDefault).Select(d => Text(d["name"])).FirstOrDefault());
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}

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

        JsonObject[] domains = GraphJson.Objects(organization, "verifiedDomains").ToArray();
        return new OrganizationInfo(
            GraphJson.Text(organization, "id"),
            GraphJson.Text(organization, "displayName"),
            domains.Select(d => GraphJson.Text(d, "name")).OfType<string>().ToArray(),
            domains.Where(d => GraphJson.Flag(d, "isDefault") == true).Select(d => GraphJson.Text(d, "name")).FirstOrDefault());
    }
}

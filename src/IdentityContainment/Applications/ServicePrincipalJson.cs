using System.Text.Json.Nodes;
using IdentityContainment.Detection.OAuth;
using static IdentityContainment.Graph.GraphJson;

namespace IdentityContainment.Applications;

/// <summary>Reads Graph's servicePrincipal JSON into what the OAuth rules judge.</summary>
internal static class ServicePrincipalJson
{
    /// <summary>
    /// Only what the rules and the findings use (servicePrincipal v1.0 properties; publisherName is not one). appRoles
    /// names the application permissions granted on a resource.
    /// </summary>
    public const string Select = "id,appId,displayName,appOwnerOrganizationId,verifiedPublisher,replyUrls,servicePrincipalType,accountEnabled,appRoles";

    public static ServicePrincipalFacts Read(JsonNode servicePrincipal) => new()
    {
        Id = Text(servicePrincipal, "id") ?? string.Empty,
        AppId = Text(servicePrincipal, "appId"),
        DisplayName = Text(servicePrincipal, "displayName"),
        OwnerTenantId = Text(servicePrincipal, "appOwnerOrganizationId"),
        VerifiedPublisherId = Text(Property(servicePrincipal, "verifiedPublisher"), "verifiedPublisherId"),
        VerifiedPublisherName = Text(Property(servicePrincipal, "verifiedPublisher"), "displayName"),
        ReplyUrls = Texts(servicePrincipal, "replyUrls"),
        ServicePrincipalType = Text(servicePrincipal, "servicePrincipalType"),
        AccountEnabled = Flag(servicePrincipal, "accountEnabled"),
        AppRoles = Objects(servicePrincipal, "appRoles")
            .Where(role => Text(role, "id") is not null && Text(role, "value") is not null)
            .GroupBy(role => Text(role, "id")!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => Text(g.First(), "value")!, StringComparer.OrdinalIgnoreCase),
    };
}

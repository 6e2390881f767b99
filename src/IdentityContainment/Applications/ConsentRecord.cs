using System.Text.Json.Nodes;
using static IdentityContainment.Graph.GraphJson;

namespace IdentityContainment.Applications;

/// <summary>
/// One "Consent to application" entry of the directory audit log: which app (its service principal), who consented,
/// when, and whether an admin consented for the organisation.
/// </summary>
public sealed record ConsentRecord(string ServicePrincipalId, string? ConsentedById, string? ConsentedBy, DateTimeOffset At, bool AdminConsent, bool OnBehalfOfAll, bool IsAppOnly)
{
    /// <summary>The activity as the audit log names it (Entra audit activity list; CONTRACT §10).</summary>
    public const string Activity = "Consent to application";

    /// <summary>The entry's consent, or null when it names no service principal or time.</summary>
    public static ConsentRecord? Read(JsonNode entry)
    {
        JsonObject? target = Objects(entry, "targetResources").FirstOrDefault(t => string.Equals(Text(t, "type"), "ServicePrincipal", StringComparison.OrdinalIgnoreCase));
        if (Text(target, "id") is not { } servicePrincipalId || Time(entry, "activityDateTime") is not { } at)
        {
            return null;
        }

        JsonNode? initiator = Property(Property(entry, "initiatedBy"), "user");
        JsonNode? app = Property(Property(entry, "initiatedBy"), "app");
        return new ConsentRecord(
            servicePrincipalId,
            Text(initiator, "id"),
            Text(initiator, "userPrincipalName") ?? Text(app, "displayName"),
            at,
            IsTrue(target, "ConsentContext.IsAdminConsent"),
            IsTrue(target, "ConsentContext.OnBehalfOfAll"),
            IsTrue(target, "ConsentContext.IsAppOnly"));
    }

    /// <summary>A modified property's new value is JSON inside a string ("\"True\""): read it either way.</summary>
    private static bool IsTrue(JsonNode? target, string name) =>
        Objects(target, "modifiedProperties").FirstOrDefault(p => Text(p, "displayName") == name) is { } property
        && Text(property, "newValue")?.Trim('"').Equals("True", StringComparison.OrdinalIgnoreCase) == true;
}

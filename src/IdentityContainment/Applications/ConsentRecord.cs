using System.Text.Json.Nodes;
using static IdentityContainment.Graph.GraphJson;

namespace IdentityContainment.Applications;

/// <summary>
/// One "Consent to application" entry of the directory audit log: which app (its service principal), who consented,
/// when, and whether an admin consented for the organisation.
/// </summary>
public sealed record ConsentRecord(string ServicePrincipalId, string? ConsentedById, string? ConsentedBy, DateTimeOffset At, bool AdminConsent, bool OnBehalfOfAll, bool IsAppOnly)
{
    /// <summary>A consent, as the audit log names it (Entra audit activity list; CONTRACT §10): its target is the app.</summary>
    public const string ConsentActivity = "Consent to application";

    /// <summary>
    /// A delegated grant written, by a consent or straight through the API (an attacker holding Application
    /// Administrator needs no consent): its target is the API, and the app is in ServicePrincipal.ObjectID (CONTRACT §10).
    /// </summary>
    public const string GrantActivity = "Add delegated permission grant";

    /// <summary>The activities that say when an app got its access, each read from the audit log.</summary>
    public static readonly IReadOnlyList<string> Activities = new[] { ConsentActivity, GrantActivity };

    /// <summary>The entry's consent, or null when it names no service principal or time.</summary>
    public static ConsentRecord? Read(JsonNode entry)
    {
        JsonObject? target = Objects(entry, "targetResources").FirstOrDefault(t => string.Equals(Text(t, "type"), "ServicePrincipal", StringComparison.OrdinalIgnoreCase));
        if (Time(entry, "activityDateTime") is not { } at)
        {
            return null;
        }

        bool grantWritten = string.Equals(Text(entry, "activityDisplayName"), GrantActivity, StringComparison.OrdinalIgnoreCase);
        string? servicePrincipalId = grantWritten ? Modified(target, "ServicePrincipal.ObjectID") : Text(target, "id");
        if (servicePrincipalId is null)
        {
            return null;
        }

        JsonNode? initiator = Property(Property(entry, "initiatedBy"), "user");
        JsonNode? app = Property(Property(entry, "initiatedBy"), "app");
        if (grantWritten)
        {
            bool forEveryone = string.Equals(Modified(target, "DelegatedPermissionGrant.ConsentType"), "AllPrincipals", StringComparison.OrdinalIgnoreCase);
            return new ConsentRecord(servicePrincipalId, Text(initiator, "id"), Text(initiator, "userPrincipalName") ?? Text(app, "displayName"), at, forEveryone, forEveryone, false);
        }

        return new ConsentRecord(
            servicePrincipalId,
            Text(initiator, "id"),
            Text(initiator, "userPrincipalName") ?? Text(app, "displayName"),
            at,
            IsTrue(target, "ConsentContext.IsAdminConsent"),
            IsTrue(target, "ConsentContext.OnBehalfOfAll"),
            IsTrue(target, "ConsentContext.IsAppOnly"));
    }

    private static bool IsTrue(JsonNode? target, string name) => Modified(target, name)?.Equals("True", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>A modified property's new value, which is JSON inside a string ("\"True\""): read either way.</summary>
    private static string? Modified(JsonNode? target, string name) =>
        Objects(target, "modifiedProperties").FirstOrDefault(p => Text(p, "displayName") == name) is { } property
            ? Text(property, "newValue")?.Trim().Trim('"')
            : null;
}

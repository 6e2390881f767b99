using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>Identity Protection's riskyUser resource, in the CSDL's property order.</summary>
internal static class RiskyUserProjection
{
    public static readonly EntityProperties<RiskyUserRecord> Properties = new(
        "microsoft.graph.riskyUser",
        ("id", r => r.Id),
        ("isDeleted", r => r.IsDeleted),
        ("isProcessing", r => r.IsProcessing),
        ("riskDetail", r => r.RiskDetail),
        ("riskLastUpdatedDateTime", r => r.RiskLastUpdatedDateTime is { } updated ? GraphTime.Format(updated) : null),
        ("riskLevel", r => r.RiskLevel),
        ("riskState", r => r.RiskState),
        ("userDisplayName", r => r.UserDisplayName),
        ("userPrincipalName", r => r.UserPrincipalName));

    public static JsonObject Entity(RiskyUserRecord risky, IReadOnlyList<string>? select)
    {
        var json = Properties.Project(risky, select);
        json.Insert(0, "@odata.context", GraphContext.Entity("identityProtection/riskyUsers", select));
        return json;
    }
}

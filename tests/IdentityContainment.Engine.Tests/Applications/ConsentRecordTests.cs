using System.Text.Json.Nodes;
using IdentityContainment.Applications;

namespace IdentityContainment.Engine.Tests.Applications;

/// <summary>Directory audit entries read as consents, in the shapes the audit log gives them (CONTRACT §10).</summary>
public sealed class ConsentRecordTests
{
    private const string App = "424df1e3-eb29-5194-8892-664a02bcaa31";
    private const string Graph = "b9c8b9ff-e46e-4627-9419-c7723226db94";

    [Fact]
    public void A_consent_names_the_app_as_its_target_and_says_whether_it_was_for_everyone()
    {
        ConsentRecord consent = ConsentRecord.Read(Entry("Consent to application", App, ("ConsentContext.IsAdminConsent", "True"), ("ConsentContext.OnBehalfOfAll", "True")))!;

        Assert.Equal((App, "meganb@contoso.com", true, true, false), (consent.ServicePrincipalId, consent.ConsentedBy, consent.AdminConsent, consent.OnBehalfOfAll, consent.IsAppOnly));
    }

    [Fact]
    public void A_grant_written_without_consent_names_the_app_in_its_modified_properties_not_its_target()
    {
        // Its target is the API (Microsoft Graph); the app is ServicePrincipal.ObjectID, a JSON string inside a string.
        ConsentRecord grant = ConsentRecord.Read(Entry("Add delegated permission grant", Graph, ("DelegatedPermissionGrant.ConsentType", "Principal"), ("ServicePrincipal.ObjectID", App)))!;
        ConsentRecord everyone = ConsentRecord.Read(Entry("Add delegated permission grant", Graph, ("DelegatedPermissionGrant.ConsentType", "AllPrincipals"), ("ServicePrincipal.ObjectID", App)))!;

        Assert.Equal((App, false), (grant.ServicePrincipalId, grant.OnBehalfOfAll));
        Assert.Equal((App, true), (everyone.ServicePrincipalId, everyone.OnBehalfOfAll));
        Assert.Null(ConsentRecord.Read(Entry("Add delegated permission grant", Graph, ("DelegatedPermissionGrant.ConsentType", "Principal"))));
    }

    private static JsonNode Entry(string activity, string targetId, params (string Name, string Value)[] modified) => new JsonObject
    {
        ["activityDisplayName"] = activity,
        ["activityDateTime"] = "2026-11-30T10:00:00Z",
        ["initiatedBy"] = new JsonObject { ["user"] = new JsonObject { ["id"] = "u1", ["userPrincipalName"] = "meganb@contoso.com" } },
        ["targetResources"] = new JsonArray(new JsonObject
        {
            ["id"] = targetId,
            ["type"] = "ServicePrincipal",
            ["modifiedProperties"] = new JsonArray(modified.Select(m => (JsonNode)new JsonObject { ["displayName"] = m.Name, ["oldValue"] = null, ["newValue"] = $"\"{m.Value}\"" }).ToArray()),
        }),
    };
}

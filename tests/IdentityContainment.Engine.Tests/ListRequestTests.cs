using IdentityContainment.Graph;

namespace IdentityContainment.Engine.Tests;

public sealed class ListRequestTests
{
    [Theory]
    [InlineData("/users", "id,displayName", "/users?$select=id%2CdisplayName&$top=999")]
    [InlineData("/users?$filter=accountEnabled%20eq%20true", null, "/users?$filter=accountEnabled%20eq%20true&$top=999")]
    [InlineData("/users?$top=5", "id", "/users?$top=5&$select=id")]
    [InlineData("/users?top=5", null, "/users?top=5")]
    [InlineData("/servicePrincipals", "id,appId", "/servicePrincipals?$select=id%2CappId&$top=100")]
    [InlineData("/auditLogs/signIns?$filter=userId%20eq%20'x'", null, "/auditLogs/signIns?$filter=userId%20eq%20'x'&$top=1000")]
    [InlineData("/identityProtection/riskyUsers", null, "/identityProtection/riskyUsers?$top=500")]
    [InlineData("/oauth2PermissionGrants", "id,clientId", "/oauth2PermissionGrants?$select=id%2CclientId&$top=999")]
    [InlineData("/users/u1/oauth2PermissionGrants", null, "/users/u1/oauth2PermissionGrants?$top=999")]
    [InlineData("/auditLogs/directoryAudits?$filter=activityDisplayName%20eq%20'Consent%20to%20application'", null, "/auditLogs/directoryAudits?$filter=activityDisplayName%20eq%20'Consent%20to%20application'")]
    [InlineData("/users/u1/appRoleAssignments", null, "/users/u1/appRoleAssignments")]
    [InlineData("/users/u1/registeredDevices/microsoft.graph.device", "id", "/users/u1/registeredDevices/microsoft.graph.device?$select=id")]
    [InlineData("/users/u1/mailFolders/inbox/messageRules", null, "/users/u1/mailFolders/inbox/messageRules")]
    [InlineData("/users/u1/authentication/methods", null, "/users/u1/authentication/methods")]
    public void A_list_asks_for_its_selection_and_the_largest_page_its_docs_allow(string path, string? select, string expected)
    {
        Assert.Equal(expected, ListRequest.For(path, select).Url);
    }

    [Fact]
    public void A_path_that_already_selects_is_refused_a_second_select()
    {
        Assert.Throws<ArgumentException>(() => ListRequest.For("/users?$select=id", "displayName"));
    }

    [Fact]
    public void An_advanced_query_carries_its_consistency_level()
    {
        ListRequest request = ListRequest.For("/users").AsAdvancedQuery();

        Assert.Equal("eventual", request.Headers["ConsistencyLevel"]);
        Assert.Empty(ListRequest.For("/users").Headers);
    }
}

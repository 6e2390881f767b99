using System.Net;

namespace IdentityContainment.Sandbox.Tests;

public sealed class GetUserTests
{
    [Fact]
    public async Task Default_projection_is_the_documented_property_set()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var user = await GraphTestClient.JsonAsync(await graph.GetAsync($"users/{Known.AdeleUpn}"));

        Assert.Equal(
            ["@odata.context", "businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage", "surname", "userPrincipalName", "id"],
            user.Select(p => p.Key));
        Assert.Equal("https://graph.microsoft.com/v1.0/$metadata#users/$entity", (string?)user["@odata.context"]);
        Assert.Equal(Known.AdeleId, (string?)user["id"]);
    }

    [Fact]
    public async Task Containment_fields_come_only_on_select()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);
        const string select = "id,userPrincipalName,accountEnabled,userType,createdDateTime,lastPasswordChangeDateTime,signInSessionsValidFromDateTime,onPremisesSyncEnabled";

        var user = await GraphTestClient.JsonAsync(await graph.GetAsync($"users/{Known.AdeleId}?$select={select}"));

        Assert.Equal(["@odata.context", .. select.Split(',')], user.Select(p => p.Key));
        Assert.Equal($"https://graph.microsoft.com/v1.0/$metadata#users({select})/$entity", (string?)user["@odata.context"]);
        Assert.True((bool)user["accountEnabled"]!);
        Assert.Equal("Member", (string?)user["userType"]);
        Assert.Null(user["onPremisesSyncEnabled"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", (string?)user["signInSessionsValidFromDateTime"]);
    }

    [Fact]
    public async Task Usage_location_comes_only_on_select_and_in_list_queries_as_the_method_reader_sends_them()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);
        var lynne = server.Tenant.FindUser("lynner@contoso.com")!;

        var plain = await GraphTestClient.JsonAsync(await graph.GetAsync($"users/{Known.AdeleId}"));
        var listed = await GraphTestClient.JsonAsync(await graph.GetAsync(
            $"users?$filter={Uri.EscapeDataString($"id in ('{Known.AdeleId}','{lynne.Id}')")}&$select=id,usageLocation"));

        Assert.False(plain.ContainsKey("usageLocation"));
        var locations = listed["value"]!.AsArray().ToDictionary(u => (string)u!["id"]!, u => (string?)u!["usageLocation"]);
        Assert.Equal("US", locations[Known.AdeleId]);
        Assert.Equal("GB", locations[lynne.Id]);
    }

    [Fact]
    public async Task Password_is_never_returned_even_when_selected()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.GetAsync($"users/{Known.AdeleUpn}?$select=id,passwordProfile,passwordPolicies");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Summer2026!Payables", text);
        Assert.Null((await GraphTestClient.JsonAsync(response))["passwordProfile"]);
    }

    [Theory]
    [InlineData("users/adelev@contoso.com")]
    [InlineData("users/ADELEV@CONTOSO.COM")]
    [InlineData("users/bc67ba94-637d-4efa-a09e-467ada679f81")]
    [InlineData("users('adelev@contoso.com')")]
    [InlineData("Users/adelev%40contoso.com")]
    public async Task User_is_found_by_id_or_upn_in_every_addressing_form(string path)
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.GetAsync(path + "?$select=id");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Known.AdeleId, (string?)(await GraphTestClient.JsonAsync(response))["id"]);
    }

    [Fact]
    public async Task Guest_upn_is_found_with_the_hash_encoded()
    {
        await using var server = await TestSandbox.StartAsync("guest-user");
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.GetAsync("users/" + Known.GuestUpn.Replace("#", "%23") + "?$select=userPrincipalName,userType");

        var user = await GraphTestClient.JsonAsync(response);
        Assert.Equal(Known.GuestUpn, (string?)user["userPrincipalName"]);
        Assert.Equal("Guest", (string?)user["userType"]);
    }

    [Fact]
    public async Task Unknown_user_is_404_with_the_directory_message()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.GetAsync("users/5b31c38c-2584-42f0-aa47-657fb3a84230");

        await GraphAssert.ErrorAsync(response, HttpStatusCode.NotFound, "Request_ResourceNotFound",
            "Resource '5b31c38c-2584-42f0-aa47-657fb3a84230' does not exist or one of its queried reference-property objects are not present.");
    }

    [Fact]
    public async Task Selecting_a_property_the_user_type_lacks_is_400()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.GetAsync($"users/{Known.AdeleUpn}?$select=id,favouriteColour");

        await GraphAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "Request_BadRequest",
            "Could not find a property named 'favouriteColour' on type 'microsoft.graph.user'.");
    }

    [Fact]
    public async Task ReadBasic_permission_sees_only_basic_properties()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = new GraphTestClient(server, server.IssueAccessToken(new AccessTokenRequest { AppId = Known.ReporterAppId, Permissions = ["User.ReadBasic.All"] }));

        var user = await GraphTestClient.JsonAsync(await graph.GetAsync($"users/{Known.AdeleUpn}?$select=id,displayName,accountEnabled"));

        Assert.Equal(["@odata.context", "id", "displayName"], user.Select(p => p.Key));
    }

    [Fact]
    public async Task Me_is_the_signed_in_user_and_is_refused_for_app_only_tokens()
    {
        await using var server = await TestSandbox.StartAsync();
        using var delegated = new GraphTestClient(server, Tokens.DelegatedAdmin(server));
        using var appOnly = GraphTestClient.AsAutomation(server);

        var me = await GraphTestClient.JsonAsync(await delegated.GetAsync("me?$select=userPrincipalName"));
        var refused = await appOnly.GetAsync("me");

        Assert.Equal(Known.DelegatedAdminUpn, (string?)me["userPrincipalName"]);
        await GraphAssert.ErrorAsync(refused, HttpStatusCode.BadRequest, "BadRequest", "/me request is only valid with delegated authentication flow.");
    }
}

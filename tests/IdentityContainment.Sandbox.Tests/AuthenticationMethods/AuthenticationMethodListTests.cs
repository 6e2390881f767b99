using System.Net;
using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox.Tests;

public sealed class AuthenticationMethodListTests
{
    private const string AttackerAuthenticatorId = "7c77833f-338f-4aab-b1c8-046a3c6dd345";
    private const string AlternateMobileId = "b6332ec1-7057-4abe-9331-3d72feddfe41";

    private static async Task<JsonObject[]> MethodsAsync(GraphTestClient graph, string path)
    {
        var body = await GraphTestClient.JsonAsync(await graph.GetAsync(path));
        return body["value"]!.AsArray().Select(m => m!.AsObject()).ToArray();
    }

    [Fact]
    public async Task The_list_is_polymorphic_with_the_odata_type_of_every_method_including_one_v1_does_not_define()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.GetAsync($"users/{Known.AdeleUpn}/authentication/methods");
        var body = await GraphTestClient.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"https://graph.microsoft.com/v1.0/$metadata#users('{Known.AdeleId}')/authentication/methods", (string?)body["@odata.context"]);
        Assert.Null(body["@odata.nextLink"]);
        var types = body["value"]!.AsArray().Select(m => (string)m!["@odata.type"]!).Order().ToArray();
        Assert.Equal(
            [
                "#microsoft.graph.emailAuthenticationMethod",
                "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod",
                "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod",
                "#microsoft.graph.passwordAuthenticationMethod",
                "#microsoft.graph.phoneAuthenticationMethod",
                "#microsoft.graph.phoneAuthenticationMethod",
                "#microsoft.graph.qrCodePinAuthenticationMethod",
            ],
            types);
    }

    [Fact]
    public async Task Each_type_carries_its_own_properties_and_never_a_secret()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var adele = await MethodsAsync(graph, $"users/{Known.AdeleId}/authentication/methods");
        var attackerApp = adele.Single(m => (string?)m["id"] == AttackerAuthenticatorId);
        Assert.Equal(["@odata.type", "id", "createdDateTime", "displayName", "deviceTag", "phoneAppVersion"], attackerApp.Select(p => p.Key));
        Assert.Equal("Galaxy S21", (string?)attackerApp["displayName"]);
        var phone = adele.Single(m => (string?)m["id"] == AlternateMobileId);
        Assert.Equal("+44 7700900461", (string?)phone["phoneNumber"]);
        Assert.Equal("alternateMobile", (string?)phone["phoneType"]);
        var password = adele.Single(m => (string?)m["id"] == Known.PasswordMethodId);
        Assert.True(password.ContainsKey("password"));
        Assert.Null(password["password"]);
        var unknown = adele.Single(m => (string?)m["@odata.type"] == "#microsoft.graph.qrCodePinAuthenticationMethod");
        Assert.Equal(["@odata.type", "id", "createdDateTime"], unknown.Select(p => p.Key));

        var alex = await MethodsAsync(graph, $"users/{Known.AlexUpn}/authentication/methods");
        var key = alex.Single(m => (string?)m["@odata.type"] == "#microsoft.graph.fido2AuthenticationMethod");
        Assert.Equal("YubiKey 5 NFC", (string?)key["model"]);
        Assert.Equal("attested", (string?)key["attestationLevel"]);
        var pass = alex.Single(m => (string?)m["@odata.type"] == "#microsoft.graph.temporaryAccessPassAuthenticationMethod");
        Assert.Null(pass["temporaryAccessPass"]);
        Assert.False((bool)pass["isUsable"]!);
        Assert.Equal("Expired", (string?)pass["methodUsabilityReason"]);
    }

    [Fact]
    public async Task Only_the_kinds_graph_dates_carry_a_createdDateTime_so_the_attackers_phone_and_push_authenticator_come_undated()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var adele = await MethodsAsync(graph, $"users/{Known.AdeleUpn}/authentication/methods");
        var alex = await MethodsAsync(graph, $"users/{Known.AlexUpn}/authentication/methods");
        JsonObject Of(JsonObject[] methods, string id) => methods.Single(m => (string?)m["id"] == id);
        DateTimeOffset Created(JsonObject m) => DateTimeOffset.Parse((string)m["createdDateTime"]!, System.Globalization.CultureInfo.InvariantCulture);

        // Phones and email: no createdDateTime at all, as their v1.0 pages and examples show.
        Assert.All(adele.Where(m => (string?)m["@odata.type"] is "#microsoft.graph.phoneAuthenticationMethod" or "#microsoft.graph.emailAuthenticationMethod"),
            m => Assert.False(m.ContainsKey("createdDateTime"), (string?)m["id"]));
        // The attacker's push Authenticator: null (not set up for passwordless phone sign-in); Adele's passwordless iPhone: dated, before the attack.
        var attackerApp = Of(adele, AttackerAuthenticatorId);
        Assert.True(attackerApp.ContainsKey("createdDateTime"));
        Assert.Null(attackerApp["createdDateTime"]);
        Assert.True(Created(Of(adele, "76dca866-649b-4809-8780-b8cf55034265")) < server.Tenant.Clock.GetUtcNow().AddDays(-20));
        // The password: "currently not populated".
        Assert.Null(Of(adele, Known.PasswordMethodId)["createdDateTime"]);
        // FIDO2 and the Temporary Access Pass are dated.
        Assert.All(alex.Where(m => (string?)m["@odata.type"] is "#microsoft.graph.fido2AuthenticationMethod" or "#microsoft.graph.temporaryAccessPassAuthenticationMethod"),
            m => Assert.True(Created(m) < server.Tenant.Clock.GetUtcNow()));
        Assert.False(Of(adele, AlternateMobileId).ContainsKey("createdDateTime"));
    }

    [Theory]
    [InlineData("phoneMethods", "#microsoft.graph.phoneAuthenticationMethod", 2)]
    [InlineData("microsoftAuthenticatorMethods", "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod", 2)]
    [InlineData("emailMethods", "#microsoft.graph.emailAuthenticationMethod", 1)]
    [InlineData("passwordMethods", "#microsoft.graph.passwordAuthenticationMethod", 1)]
    [InlineData("fido2Methods", "", 0)]
    [InlineData("platformCredentialMethods", "", 0)]
    [InlineData("externalAuthenticationMethods", "", 0)]
    public async Task A_per_type_collection_holds_only_that_type(string segment, string odataType, int count)
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var body = await GraphTestClient.JsonAsync(await graph.GetAsync($"users/{Known.AdeleUpn}/authentication/{segment}"));

        Assert.Equal($"https://graph.microsoft.com/v1.0/$metadata#users('{Known.AdeleId}')/authentication/{segment}", (string?)body["@odata.context"]);
        var items = body["value"]!.AsArray();
        Assert.Equal(count, items.Count);
        Assert.All(items, m => Assert.Equal(odataType, (string?)m!["@odata.type"]));
    }

    [Fact]
    public async Task One_method_comes_at_top_level_by_its_type_path_or_under_methods()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var phone = await GraphTestClient.JsonAsync(await graph.GetAsync($"users/{Known.AdeleUpn}/authentication/phoneMethods/{AlternateMobileId}"));
        var any = await GraphTestClient.JsonAsync(await graph.GetAsync($"users/{Known.AdeleUpn}/authentication/methods/{AlternateMobileId}"));

        Assert.Equal($"https://graph.microsoft.com/v1.0/$metadata#users('{Known.AdeleId}')/authentication/phoneMethods/$entity", (string?)phone["@odata.context"]);
        Assert.Equal("alternateMobile", (string?)phone["phoneType"]);
        Assert.Null(phone["value"]);
        Assert.Equal("#microsoft.graph.phoneAuthenticationMethod", (string?)any["@odata.type"]);
    }

    [Fact]
    public async Task A_method_of_another_type_or_an_unknown_id_is_404()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        await GraphAssert.ErrorAsync(await graph.GetAsync($"users/{Known.AdeleUpn}/authentication/fido2Methods/{AttackerAuthenticatorId}"), HttpStatusCode.NotFound, "Request_ResourceNotFound");
        await GraphAssert.ErrorAsync(await graph.GetAsync($"users/{Known.AdeleUpn}/authentication/methods/00000000-0000-0000-0000-000000000001"), HttpStatusCode.NotFound, "Request_ResourceNotFound");
        await GraphAssert.ErrorAsync(await graph.GetAsync("users/nobody@contoso.com/authentication/methods"), HttpStatusCode.NotFound, "Request_ResourceNotFound");
    }

    [Theory]
    [InlineData("methods?$select=id")]
    [InlineData("methods?$filter=id eq 'x'")]
    [InlineData("methods?$top=1")]
    [InlineData("phoneMethods?$select=phoneNumber")]
    public async Task Query_options_are_refused_as_the_docs_say_none_are_supported(string pathAndQuery)
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        await GraphAssert.ErrorAsync(await graph.GetAsync($"users/{Known.AdeleUpn}/authentication/{pathAndQuery}"), HttpStatusCode.BadRequest, "BadRequest");
    }

    [Fact]
    public async Task Reading_needs_UserAuthenticationMethod_Read_All_for_an_app()
    {
        await using var server = await TestSandbox.StartAsync();
        using var without = new GraphTestClient(server, Tokens.AutomationWith(server, "User.Read.All", "Directory.Read.All"));
        using var with = new GraphTestClient(server, Tokens.AutomationWith(server, "UserAuthenticationMethod.Read.All"));

        await GraphAssert.ErrorAsync(await without.GetAsync($"users/{Known.AdeleUpn}/authentication/methods"), HttpStatusCode.Forbidden, "Authorization_RequestDenied");
        Assert.Equal(HttpStatusCode.OK, (await with.GetAsync($"users/{Known.AdeleUpn}/authentication/methods")).StatusCode);
    }

    [Fact]
    public async Task A_delegated_user_reads_their_own_methods_but_another_users_only_with_an_admin_role()
    {
        await using var server = await TestSandbox.StartAsync();
        using var alexSelf = new GraphTestClient(server, Tokens.Delegated(server, Known.AlexUpn, "UserAuthenticationMethod.Read"));
        using var alexAll = new GraphTestClient(server, Tokens.Delegated(server, Known.AlexUpn, "UserAuthenticationMethod.Read.All"));
        using var nestor = new GraphTestClient(server, Tokens.Delegated(server, Known.DelegatedAdminUpn, "UserAuthenticationMethod.Read.All"));
        using var nestorSelfScope = new GraphTestClient(server, Tokens.Delegated(server, Known.DelegatedAdminUpn, "UserAuthenticationMethod.Read"));

        Assert.Equal(HttpStatusCode.OK, (await alexSelf.GetAsync($"users/{Known.AlexUpn}/authentication/methods")).StatusCode);
        await GraphAssert.ErrorAsync(await alexSelf.GetAsync($"users/{Known.AdeleUpn}/authentication/methods"), HttpStatusCode.Forbidden, "Authorization_RequestDenied");
        await GraphAssert.ErrorAsync(await alexAll.GetAsync($"users/{Known.AdeleUpn}/authentication/methods"), HttpStatusCode.Forbidden, "Authorization_RequestDenied");
        Assert.Equal(HttpStatusCode.OK, (await nestor.GetAsync($"users/{Known.AdeleUpn}/authentication/methods")).StatusCode);
        await GraphAssert.ErrorAsync(await nestorSelfScope.GetAsync($"users/{Known.AdeleUpn}/authentication/methods"), HttpStatusCode.Forbidden, "Authorization_RequestDenied");
    }
}

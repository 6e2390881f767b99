using System.Net;

namespace IdentityContainment.Sandbox.Tests;

public sealed class AuthenticationMethodDeleteTests
{
    private const string AttackerAuthenticatorId = "7c77833f-338f-4aab-b1c8-046a3c6dd345";
    private const string AdeleAuthenticatorId = "76dca866-649b-4809-8780-b8cf55034265";
    private const string MobileId = "3179e48a-750b-4051-897c-87b9720928f7";
    private const string AlternateMobileId = "b6332ec1-7057-4abe-9331-3d72feddfe41";

    [Fact]
    public async Task Deleting_the_attackers_authenticator_answers_204_and_closes_its_foothold_only()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.DeleteAsync($"users/{Known.AdeleUpn}/authentication/microsoftAuthenticatorMethods/{AttackerAuthenticatorId}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Null(server.Tenant.FindAuthenticationMethod(Known.AdeleId, AttackerAuthenticatorId));
        Assert.NotNull(server.Tenant.FindAuthenticationMethod(Known.AdeleId, AdeleAuthenticatorId));
        var footholds = server.EvaluateFootholds();
        Assert.False(footholds.Single(f => f.Id == "aitm-authenticator").IsOpen);
        Assert.True(footholds.Single(f => f.Id == "aitm-phone").IsOpen);
        await GraphAssert.ErrorAsync(await graph.GetAsync($"users/{Known.AdeleUpn}/authentication/methods/{AttackerAuthenticatorId}"), HttpStatusCode.NotFound, "Request_ResourceNotFound");
    }

    [Fact]
    public async Task Deleting_through_another_types_path_is_404_and_removes_nothing()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        await GraphAssert.ErrorAsync(await graph.DeleteAsync($"users/{Known.AdeleUpn}/authentication/phoneMethods/{AttackerAuthenticatorId}"), HttpStatusCode.NotFound, "Request_ResourceNotFound");

        Assert.NotNull(server.Tenant.FindAuthenticationMethod(Known.AdeleId, AttackerAuthenticatorId));
    }

    [Fact]
    public async Task The_password_method_cannot_be_deleted()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        await GraphAssert.ErrorAsync(await graph.DeleteAsync($"users/{Known.AdeleUpn}/authentication/passwordMethods/{Known.PasswordMethodId}"), HttpStatusCode.MethodNotAllowed, "Request_BadRequest");

        Assert.NotNull(server.Tenant.FindAuthenticationMethod(Known.AdeleId, Known.PasswordMethodId));
    }

    [Fact]
    public async Task The_default_method_cannot_be_deleted_while_other_methods_exist()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        await GraphAssert.ErrorAsync(await graph.DeleteAsync($"users/{Known.AdeleUpn}/authentication/microsoftAuthenticatorMethods/{AdeleAuthenticatorId}"),
            HttpStatusCode.BadRequest, "badRequest", "Cannot delete default method with other methods configured. Please change default method before deletion.");

        Assert.NotNull(server.Tenant.FindAuthenticationMethod(Known.AdeleId, AdeleAuthenticatorId));
    }

    [Fact]
    public async Task The_default_method_can_go_once_it_is_the_last_besides_the_password()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);
        foreach (var method in server.Tenant.AuthenticationMethodsOf(Known.AlexId).Where(m => m.Type is not (AuthenticationMethodType.Password or AuthenticationMethodType.Fido2)))
            server.Tenant.RemoveAuthenticationMethod(Known.AlexId, method.Id);

        var response = await graph.DeleteAsync($"users/{Known.AlexUpn}/authentication/fido2Methods/-2_GRUg2-HYz6_1YG4YRAQ2");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task The_mobile_phone_cannot_be_deleted_while_an_alternate_mobile_exists_but_the_alternate_can()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        await GraphAssert.ErrorAsync(await graph.DeleteAsync($"users/{Known.AdeleUpn}/authentication/phoneMethods/{MobileId}"), HttpStatusCode.BadRequest, "badRequest");
        Assert.NotNull(server.Tenant.FindAuthenticationMethod(Known.AdeleId, MobileId));

        Assert.Equal(HttpStatusCode.NoContent, (await graph.DeleteAsync($"users/{Known.AdeleUpn}/authentication/phoneMethods/{AlternateMobileId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await graph.DeleteAsync($"users/{Known.AdeleUpn}/authentication/phoneMethods/{MobileId}")).StatusCode);
        Assert.False(server.EvaluateFootholds().Single(f => f.Id == "aitm-phone").IsOpen);
    }

    [Fact]
    public async Task A_method_of_a_type_v1_does_not_define_has_no_delete_path()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.DeleteAsync($"users/{Known.AdeleUpn}/authentication/methods/c2f0a4b6-5d1e-4f7a-9b3c-8e6d2a1f0b94");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData("UserAuthMethod-MicrosoftAuthApp.ReadWrite.All", HttpStatusCode.NoContent)]
    [InlineData("UserAuthenticationMethod.ReadWrite.All", HttpStatusCode.NoContent)]
    [InlineData("UserAuthMethod-Phone.ReadWrite.All", HttpStatusCode.Forbidden)]
    [InlineData("UserAuthenticationMethod.Read.All", HttpStatusCode.Forbidden)]
    public async Task Deleting_takes_the_types_own_permission_or_the_general_one(string permission, HttpStatusCode expected)
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = new GraphTestClient(server, Tokens.AutomationWith(server, permission));

        var response = await graph.DeleteAsync($"users/{Known.AdeleUpn}/authentication/microsoftAuthenticatorMethods/{AttackerAuthenticatorId}");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task A_delegated_caller_deletes_anothers_method_only_with_an_authentication_admin_role()
    {
        await using var server = await TestSandbox.StartAsync();
        using var alex = new GraphTestClient(server, Tokens.Delegated(server, Known.AlexUpn, "UserAuthenticationMethod.ReadWrite.All"));
        using var nestor = new GraphTestClient(server, Tokens.Delegated(server, Known.DelegatedAdminUpn, "UserAuthenticationMethod.ReadWrite.All"));

        await GraphAssert.ErrorAsync(await alex.DeleteAsync($"users/{Known.AdeleUpn}/authentication/phoneMethods/{AlternateMobileId}"), HttpStatusCode.Forbidden, "Authorization_RequestDenied");
        Assert.Equal(HttpStatusCode.NoContent, (await nestor.DeleteAsync($"users/{Known.AdeleUpn}/authentication/phoneMethods/{AlternateMobileId}")).StatusCode);
    }
}

using System.Net;

namespace IdentityContainment.Sandbox.Tests;

/// <summary>GET /domains (domain-list page, CSDL v1.0): verified and unverified domains, Domain.Read.All least.</summary>
public sealed class DomainTests
{
    [Fact]
    public async Task Lists_every_domain_by_name_with_whether_it_is_verified()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.GetAsync("domains");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var domains = (await GraphTestClient.JsonAsync(response))["value"]!.AsArray().ToDictionary(d => (string)d!["id"]!, d => d!.AsObject());
        Assert.Equal(["contosodemo.onmicrosoft.com", "contoso.com", "contoso-payments.com"], domains.Keys);
        Assert.True((bool)domains["contoso.com"]["isVerified"]!);
        Assert.True((bool)domains["contoso.com"]["isDefault"]!);
        Assert.True((bool)domains["contosodemo.onmicrosoft.com"]["isInitial"]!);
        Assert.False((bool)domains["contoso-payments.com"]["isVerified"]!);
        Assert.Empty(domains["contoso-payments.com"]["supportedServices"]!.AsArray());
    }

    [Fact]
    public async Task Domain_read_all_is_enough_and_user_read_all_is_not()
    {
        await using var server = await TestSandbox.StartAsync();
        using var domainReader = new GraphTestClient(server, Tokens.AutomationWith(server, "Domain.Read.All"));
        using var userReader = new GraphTestClient(server, Tokens.Reporter(server));

        Assert.Equal(HttpStatusCode.OK, (await domainReader.GetAsync("domains?$select=id,isVerified")).StatusCode);
        await GraphAssert.ErrorAsync(await userReader.GetAsync("domains"), HttpStatusCode.Forbidden, "Authorization_RequestDenied");
    }

    [Fact]
    public async Task A_filter_is_refused_rather_than_ignored()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = GraphTestClient.AsAutomation(server);

        var response = await graph.GetAsync("domains?$filter=isVerified eq true");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

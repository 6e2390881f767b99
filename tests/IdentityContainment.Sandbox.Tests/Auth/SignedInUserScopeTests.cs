using System.Net;

namespace IdentityContainment.Sandbox.Tests;

/// <summary>Delegated User.Read reaches the signed-in user only (permissions reference); other users need more.</summary>
public sealed class SignedInUserScopeTests
{
    [Theory]
    [InlineData("me?$select=id,accountEnabled")]
    [InlineData("users/" + Known.AlexUpn + "?$select=id,accountEnabled")]
    [InlineData("users/" + Known.AlexId + "?$select=id,accountEnabled")]
    [InlineData("me/registeredDevices")]
    public async Task User_read_reads_the_signed_in_user(string path)
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = new GraphTestClient(server, Tokens.Delegated(server, Known.AlexUpn, "User.Read"));

        var response = await graph.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("users/" + Known.AdeleUpn)]
    [InlineData("users/" + Known.AdeleId + "?$select=id")]
    [InlineData("users?$select=id")]
    [InlineData("users/" + Known.AdeleUpn + "/registeredDevices")]
    public async Task User_read_alone_reads_no_other_user_nor_the_user_list(string path)
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = new GraphTestClient(server, Tokens.Delegated(server, Known.AlexUpn, "User.Read"));

        var response = await graph.GetAsync(path);

        await GraphAssert.ErrorAsync(response, HttpStatusCode.Forbidden, "Authorization_RequestDenied");
    }

    [Fact]
    public async Task User_read_with_read_basic_all_sees_others_basic_profile_and_its_own_in_full()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = new GraphTestClient(server, Tokens.Delegated(server, Known.AlexUpn, "User.Read", "User.ReadBasic.All"));

        var other = await GraphTestClient.JsonAsync(await graph.GetAsync($"users/{Known.AdeleUpn}?$select=id,accountEnabled"));
        var listed = await GraphTestClient.JsonAsync(await graph.GetAsync($"users?$select=id,accountEnabled&$filter=id eq '{Known.AdeleId}'"));
        var own = await GraphTestClient.JsonAsync(await graph.GetAsync("me?$select=id,accountEnabled"));

        Assert.Equal(Known.AdeleId, (string?)other["id"]);
        Assert.False(other.ContainsKey("accountEnabled"));
        Assert.False(listed["value"]![0]!.AsObject().ContainsKey("accountEnabled"));
        Assert.True(own.ContainsKey("accountEnabled"));
    }

    [Fact]
    public async Task User_read_still_reads_the_organization()
    {
        await using var server = await TestSandbox.StartAsync();
        using var graph = new GraphTestClient(server, Tokens.Delegated(server, Known.AlexUpn, "User.Read"));

        var response = await graph.GetAsync("organization?$select=id");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

using System.Security;
using IdentityContainment.Connection;
using IdentityContainment.Sandbox;

namespace IdentityContainment.Engine.Tests;

/// <summary>The connection's pipeline over real HTTP: the token goes to the Graph endpoint's own origin and nowhere else.</summary>
public sealed class BearerTokenBoundaryTests : IAsyncLifetime
{
    private SandboxServer _sandbox = null!;
    private BystanderListener _bystander = null!;
    private GraphConnection _connection = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync(new SandboxOptions { Scenario = "aitm-bec" });
        _bystander = new BystanderListener();
        OperatorApplication app = _sandbox.Tenant.Operators.Applications.Single(a => a.DisplayName == "IdentityContainment Automation");
        string token = _sandbox.IssueAccessToken(new AccessTokenRequest { AppId = app.AppId, Permissions = app.Roles });
        var secure = new SecureString();
        token.ToList().ForEach(secure.AppendChar);
        _connection = await GraphConnector.ConnectAsync(
            new ConnectionRequest { Method = AuthenticationMethod.AccessToken, AccessToken = secure, GraphEndpoint = _sandbox.GraphEndpoint },
            CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _connection.Dispose();
        await _bystander.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task A_request_to_another_port_on_this_machine_goes_without_the_token()
    {
        using HttpResponseMessage own = await _connection.SendAsync(new HttpRequestMessage(HttpMethod.Get, _connection.UriFor("/organization")), CancellationToken.None);
        using HttpResponseMessage other = await _connection.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(_bystander.BaseAddress, "v1.0/organization")), CancellationToken.None);

        Assert.Equal(System.Net.HttpStatusCode.OK, own.StatusCode);
        BystanderRequest received = Assert.Single(_bystander.Requests);
        Assert.Equal("/v1.0/organization", received.Target);
        Assert.False(received.CarriedAuthorization, "The token must stay with the Graph endpoint's origin.");
    }

    [Fact]
    public async Task An_authorization_header_set_upstream_is_removed_for_another_origin()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_bystander.BaseAddress, "elsewhere"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "copied-by-a-redirect");

        using HttpResponseMessage _ = await _connection.SendAsync(request, CancellationToken.None);

        Assert.False(Assert.Single(_bystander.Requests).CarriedAuthorization);
    }
}

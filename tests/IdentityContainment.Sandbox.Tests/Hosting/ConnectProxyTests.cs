using System.Net.Sockets;
using System.Text;

namespace IdentityContainment.Sandbox.Tests;

public sealed class ConnectProxyTests
{
    private static async Task<string> AskAsync(SandboxServer server, string head)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", server.HttpsProxy!.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var buffer = new byte[1024];
        var read = await stream.ReadAsync(buffer);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }

    [Theory]
    [InlineData("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n", "HTTP/1.1 403 ")]
    [InlineData("CONNECT localhost:1 HTTP/1.1\r\nHost: localhost:1\r\n\r\n", "HTTP/1.1 403 ")]
    [InlineData("GET http://127.0.0.1/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", "HTTP/1.1 405 ")]
    [InlineData("CONNECT kv-contoso-containment.vault.localhost:443 HTTP/1.1\r\n\r\n", "HTTP/1.1 200 ")]
    public async Task Proxy_tunnels_only_to_the_sandbox(string head, string expected)
    {
        var (server, https) = await TestSandbox.StartWithHttpsAsync();
        await using var _ = server;
        using var __ = https;

        var answer = await AskAsync(server, head);

        Assert.StartsWith(expected, answer);
    }
}

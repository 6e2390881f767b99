using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IdentityContainment.Sandbox;

/// <summary>
/// A CONNECT proxy on loopback: the value for HTTPS_PROXY. It exists because the sandbox's vault
/// hosts ({name}.vault.localhost) do not resolve on every system (.NET 10 does not map *.localhost to
/// loopback), while the Key Vault SDK needs such a host to accept the challenge. A client that goes
/// through the proxy never resolves the name: the proxy tunnels the TLS stream to the sandbox's own
/// https listener. It tunnels only to this sandbox's listeners, never anywhere else, and answers
/// nothing but CONNECT (plain-http proxying is not needed: only set HTTPS_PROXY).
/// </summary>
internal sealed class LoopbackConnectProxy : IAsyncDisposable
{
    private const int MaxHeadBytes = 8 * 1024;
    private static readonly TimeSpan HeadTimeout = TimeSpan.FromSeconds(10);

    private readonly TcpListener _listener;
    private readonly Func<string, int, int?> _route;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<TcpClient, bool> _open = new();
    private readonly Task _accepting;

    /// <param name="route">Maps a CONNECT target (host, port) to a local port of this sandbox, or null to refuse it.</param>
    public LoopbackConnectProxy(int port, Func<string, int, int?> route)
    {
        _route = route;
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _open[client] = true;
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        TcpClient? upstream = null;
        try
        {
            var downstream = client.GetStream();
            using var headTimeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            headTimeout.CancelAfter(HeadTimeout);
            var (head, rest) = await ReadHeadAsync(downstream, headTimeout.Token).ConfigureAwait(false);
            if (head is null)
                return;
            var parts = head.Split("\r\n")[0].Split(' ');
            if (parts.Length != 3 || parts[0] != "CONNECT")
            {
                await RefuseAsync(downstream, "405 Method Not Allowed", "The sandbox proxy tunnels https (CONNECT) only; set HTTPS_PROXY, not HTTP_PROXY.").ConfigureAwait(false);
                return;
            }
            if (!TrySplitAuthority(parts[1], out var host, out var port) || _route(host, port) is not { } target)
            {
                await RefuseAsync(downstream, "403 Forbidden", $"The sandbox proxy tunnels only to the sandbox itself, not to '{parts[1]}'.").ConfigureAwait(false);
                return;
            }

            upstream = new TcpClient();
            _open[upstream] = true;
            await upstream.ConnectAsync(IPAddress.Loopback, target, _stop.Token).ConfigureAwait(false);
            var upstreamStream = upstream.GetStream();
            await downstream.WriteAsync("HTTP/1.1 200 Connection Established\r\n\r\n"u8.ToArray(), _stop.Token).ConfigureAwait(false);
            if (rest.Length > 0)
                await upstreamStream.WriteAsync(rest, _stop.Token).ConfigureAwait(false);
            // Either side closing ends the tunnel; disposing both below wakes the other copy.
            await Task.WhenAny(
                downstream.CopyToAsync(upstreamStream, _stop.Token),
                upstreamStream.CopyToAsync(downstream, _stop.Token)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A client or the sandbox went away mid-tunnel; nothing to tell anyone.
        }
        finally
        {
            Close(client);
            if (upstream is not null)
                Close(upstream);
        }
    }

    /// <summary>The request head (up to the blank line) and any bytes the client sent after it; head null if the client gave up.</summary>
    private static async Task<(string? Head, byte[] Remainder)> ReadHeadAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxHeadBytes];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
                return (null, []);
            length += read;
            var end = buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8);
            if (end >= 0)
                return (Encoding.ASCII.GetString(buffer, 0, end), buffer[(end + 4)..length]);
        }
        return (null, []);
    }

    private static bool TrySplitAuthority(string authority, out string host, out int port)
    {
        host = "";
        port = 0;
        var colon = authority.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(authority[(colon + 1)..], out port))
            return false;
        host = authority[..colon].Trim('[', ']');
        return true;
    }

    private static async Task RefuseAsync(NetworkStream stream, string status, string message)
    {
        var body = Encoding.UTF8.GetBytes(message);
        var head = Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(head).ConfigureAwait(false);
        await stream.WriteAsync(body).ConfigureAwait(false);
    }

    private void Close(TcpClient client)
    {
        _open.TryRemove(client, out _);
        client.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        foreach (var client in _open.Keys)
            client.Dispose();
        await _accepting.ConfigureAwait(false);
        _stop.Dispose();
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IdentityContainment.Sandbox;

/// <summary>
/// Another host on this machine (its own loopback port) that a client's token must never reach: a test points a
/// redirect, a next link or an operation Location at it and then asks what it received. It answers every request
/// 200 with <c>{"status":"succeeded"}</c>, so a client that follows it believes it, and records whether each request
/// carried an Authorization header, never the header's value.
/// </summary>
public sealed class BystanderListener : IAsyncDisposable
{
    private const string Answer = "{\"status\":\"succeeded\"}";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<BystanderRequest> _requests = [];
    private readonly Task _serving;

    public BystanderListener()
    {
        _listener.Start();
        _serving = ServeAsync();
    }

    /// <summary>http://127.0.0.1:{port}/</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>What arrived so far, oldest first.</summary>
    public IReadOnlyList<BystanderRequest> Requests
    {
        get { lock (_gate) return _requests.ToArray(); }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _serving;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = AnswerAsync(client);
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            NetworkStream stream = client.GetStream();
            string head = await ReadHeadAsync(stream);
            string[] lines = head.Split("\r\n");
            string[] requestLine = lines[0].Split(' ');
            bool authorized = lines.Skip(1).Any(l => l.StartsWith("Authorization:", StringComparison.OrdinalIgnoreCase));
            lock (_gate)
            {
                _requests.Add(new BystanderRequest(requestLine[0], requestLine.Length > 1 ? requestLine[1] : string.Empty, authorized));
            }

            byte[] response = Encoding.ASCII.GetBytes(
                $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {Answer.Length}\r\nConnection: close\r\n\r\n{Answer}");
            await stream.WriteAsync(response, _stop.Token);
        }
    }

    /// <summary>The request line and headers; a body, if any, is left unread.</summary>
    private async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var buffer = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && head.Length < 64 * 1024)
        {
            if (await stream.ReadAsync(buffer, _stop.Token) == 0)
            {
                break;
            }

            head.Append((char)buffer[0]);
        }

        return head.ToString();
    }
}

/// <summary>One request a <see cref="BystanderListener"/> received: whether it carried a token, not the token.</summary>
public sealed record BystanderRequest(string Method, string Target, bool CarriedAuthorization);

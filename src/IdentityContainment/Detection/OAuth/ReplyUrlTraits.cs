using System.Net;

namespace IdentityContainment.Detection.OAuth;

/// <summary>
/// Where an app asks for its tokens to be sent. Consent-phishing apps collect them on the attacker's own machine
/// (localhost listeners of tools that pull mailboxes), raw IP addresses, plain http, or tunnelling and free-hosting
/// services stood up for the campaign.
/// </summary>
public static class ReplyUrlTraits
{
    private static readonly string[] TemporaryHostSuffixes =
    {
        "ngrok.io", "ngrok-free.app", "ngrok.app", "trycloudflare.com", "loca.lt", "serveo.net", "localtunnel.me", "pagekite.me",
        "requestbin.net", "pipedream.net", "webhook.site", "glitch.me", "repl.co", "000webhostapp.com", "workers.dev",
    };

    /// <summary>Why the reply URL is suspicious, or null.</summary>
    public static string? SuspiciousBecause(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri))
        {
            return null;
        }

        string host = uri.IdnHost.TrimEnd('.');
        if (uri.IsLoopback || host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return $"sends tokens to the local machine ({url})";
        }

        if (IPAddress.TryParse(host.Trim('[', ']'), out _))
        {
            return $"sends tokens to a bare IP address ({url})";
        }

        if (uri.Scheme == Uri.UriSchemeHttp)
        {
            return $"sends tokens over plain http ({url})";
        }

        string? temporary = TemporaryHostSuffixes.FirstOrDefault(s => host.Equals(s, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + s, StringComparison.OrdinalIgnoreCase));
        return temporary is null ? null : $"sends tokens to a tunnelling or throwaway host ({url})";
    }
}

using System.Net;
using System.Net.Sockets;

namespace IdentityContainment.Detection.SignIns;

/// <summary>
/// The network an IP address stands for when sign-ins are compared: an IPv4 address is itself, an IPv6 address is its
/// /64, the prefix one household, phone or office LAN keeps while the device behind it rotates the lower 64 bits
/// (privacy extensions, RFC 8981). Two IPv6 addresses of one /64 are one network, not two places.
/// </summary>
public static class IpNetwork
{
    /// <summary>The key two addresses of one network share; the trimmed text for anything that does not parse.</summary>
    public static string? KeyOf(string? ipAddress)
    {
        if (string.IsNullOrWhiteSpace(ipAddress))
        {
            return null;
        }

        string text = ipAddress!.Trim();
        if (!IPAddress.TryParse(text, out IPAddress? address))
        {
            return text.ToLowerInvariant();
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        byte[] bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>True when both addresses are known and belong to different networks.</summary>
    public static bool Differ(string? a, string? b) =>
        KeyOf(a) is { } left && KeyOf(b) is { } right && !string.Equals(left, right, StringComparison.Ordinal);
}

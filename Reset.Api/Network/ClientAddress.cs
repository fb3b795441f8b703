using System.Net;
using System.Net.Sockets;

namespace Reset.Api.Network;

/// <summary>The client's address as rate limits and audit events see it.</summary>
public static class ClientAddress
{
    /// <summary>
    /// The address the forwarded-headers rules resolved (the socket's peer unless a trusted proxy
    /// said otherwise). An IPv6 client counts by its /64, which one household or host usually holds whole.
    /// </summary>
    public static string Of(HttpContext context)
    {
        if (Peer(context) is not { } address)
        {
            return "unknown";
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }

        return address.ToString();
    }

    /// <summary>
    /// The network the client's address belongs to: its IPv4 /24 or IPv6 /48, what one household,
    /// office or small hosting customer usually holds. Limits keyed by it let one network's strangers
    /// spend only their own share.
    /// </summary>
    public static string NetworkOf(HttpContext context)
    {
        if (Peer(context) is not { } address)
        {
            return "unknown";
        }

        var bytes = address.GetAddressBytes();
        var prefix = address.AddressFamily == AddressFamily.InterNetworkV6 ? 48 : 24;
        Array.Clear(bytes, prefix / 8, bytes.Length - (prefix / 8));
        return new IPAddress(bytes) + "/" + prefix.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The resolved peer address, an IPv4 client mapped into IPv6 read as IPv4; null when unknown.</summary>
    private static IPAddress? Peer(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address && address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : context.Connection.RemoteIpAddress;
}

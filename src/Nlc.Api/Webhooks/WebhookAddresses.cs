using System.Net;
using System.Net.Sockets;

namespace Nlc.Api.Webhooks;

/// <summary>
/// Where webhooks may be sent (OWASP API7, server-side request forgery): https to public addresses only; plain http to
/// loopback only when <c>Nlc__WebhooksAllowLoopback</c> is set, for tests. Private, link-local (169.254.169.254, the cloud
/// metadata address), shared, multicast and reserved addresses are refused, and so are host names that resolve to one.
/// The same rule is applied to the address each delivery actually connects to, so a name re-pointed later is refused too.
/// </summary>
public static class WebhookAddresses
{
    /// <summary>Why <paramref name="url"/> may not receive webhooks, or null when it may.</summary>
    public static async Task<string?> RefusalAsync(string url, bool allowLoopback, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || string.IsNullOrEmpty(uri.Host))
        {
            return "must be an absolute https URL, e.g. https://partner.example.org/nlc-events";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Fragment))
        {
            return "must not carry a user name, password or fragment";
        }

        IPAddress[] addresses;
        if (IPAddress.TryParse(uri.IdnHost, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(uri.IdnHost, cancellationToken);
            }
            catch (SocketException)
            {
                return $"its host '{uri.Host}' does not resolve to an address";
            }
        }

        if (addresses.Length == 0)
        {
            return $"its host '{uri.Host}' does not resolve to an address";
        }

        if (addresses.FirstOrDefault(a => !IsAllowed(a, allowLoopback)) is { } refused)
        {
            return $"its host resolves to {refused}, a private, loopback, link-local or reserved address; webhooks go to public addresses only";
        }

        if (uri.Scheme == "http" && !(allowLoopback && addresses.All(IPAddress.IsLoopback)))
        {
            return "must use https";
        }

        return null;
    }

    /// <summary>Whether a delivery may connect to <paramref name="address"/>: a public unicast address, or loopback when allowed.</summary>
    public static bool IsAllowed(IPAddress address, bool allowLoopback)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return allowLoopback;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            return !(address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (bytes[0] & 0xFE) == 0xFC // unique local fc00::/7
                || address.IsIPv6Teredo || (bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0D && bytes[3] == 0xB8) // 2001:db8::/32 documentation
                || (bytes[0] == 0x00 && bytes.Take(10).All(b => b == 0))); // ::, ::x.y.z.w and other reserved low addresses
        }

        var v4 = address.GetAddressBytes();
        return !(v4[0] == 0 // "this network"
            || v4[0] == 10
            || (v4[0] == 100 && v4[1] >= 64 && v4[1] <= 127) // shared address space (carrier-grade NAT)
            || (v4[0] == 169 && v4[1] == 254) // link-local, cloud metadata
            || (v4[0] == 172 && v4[1] >= 16 && v4[1] <= 31)
            || (v4[0] == 192 && v4[1] == 168)
            || (v4[0] == 192 && v4[1] == 0 && v4[2] == 0) // IETF protocol assignments
            || (v4[0] == 198 && (v4[1] == 18 || v4[1] == 19)) // benchmarking
            || v4[0] >= 224); // multicast, reserved, broadcast
    }
}

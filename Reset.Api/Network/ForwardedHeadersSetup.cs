using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Reset.Infrastructure;

namespace Reset.Api.Network;

internal static class ForwardedHeadersSetup
{
    /// <summary>
    /// X-Forwarded-For and -Proto from the configured proxies only. ASP.NET Core trusts loopback by
    /// default; that default is cleared, so nothing is believed unless the operator says so.
    /// </summary>
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<NetworkOptions, NetworkOptionsValidator>(configuration, NetworkOptions.Section);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<NetworkOptions>>((forwarded, network) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var entry in network.Value.TrustedProxies)
            {
                if (IPAddress.TryParse(entry, out var address))
                {
                    forwarded.KnownProxies.Add(address);
                }
                else if (System.Net.IPNetwork.TryParse(entry, out var range))
                {
                    forwarded.KnownIPNetworks.Add(range);
                }
            }
        });
        return services;
    }
}

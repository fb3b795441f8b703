using System.Net;
using Microsoft.Extensions.Options;
using Reset.Infrastructure.Configuration;

namespace Reset.Api.Network;

/// <summary>Section "Network": which proxies may tell the service the client's address.</summary>
public sealed class NetworkOptions
{
    public const string Section = "Network";

    /// <summary>
    /// Addresses or CIDR ranges of the load balancers and reverse proxies in front of the service.
    /// X-Forwarded-For is believed only from these; from anyone else it is ignored, or a client could
    /// pick the address its rate limits count against.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];
}

internal sealed class NetworkOptionsValidator : IValidateOptions<NetworkOptions>
{
    public ValidateOptionsResult Validate(string? name, NetworkOptions options)
    {
        var wrong = options.TrustedProxies.Where(entry => !IPAddress.TryParse(entry, out _) && !IPNetwork.TryParse(entry, out _)).ToList();
        return wrong.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{Setting.Name("Network:TrustedProxies")} holds entries that are neither an IP address nor a CIDR range: {string.Join(", ", wrong)}.");
    }
}

using System.Globalization;
using Microsoft.Extensions.Options;
using Reset.Infrastructure.Configuration;

namespace Reset.Api.Hosting;

/// <summary>
/// Section "Metrics": the management port /metrics answers on. The counters are for the operator's
/// network, not the public one (the funnel counts codes sent, which decoys never send), so outside
/// Development /metrics answers only requests that arrived on this port, 9090 unless set.
/// </summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    public const int DefaultPort = 9090;

    /// <summary>
    /// A port number (1–65535) Kestrel listens on besides the API's own, for /metrics and /health
    /// alone. Unset: 9090, except in Development, where /metrics stays on the API's port for trials.
    /// A string checked by the validator, so that "abc" is named like every other wrong setting.
    /// </summary>
    public string? Port { get; set; }

    /// <summary>The management port, or null when /metrics answers on the API's port (Development, unset).</summary>
    public int? ManagementPort(IHostEnvironment environment) =>
        Port is null ? (environment.IsDevelopment() ? null : DefaultPort) : int.Parse(Port, CultureInfo.InvariantCulture);
}

internal sealed class MetricsOptionsValidator : IValidateOptions<MetricsOptions>
{
    public ValidateOptionsResult Validate(string? name, MetricsOptions options) =>
        IsValid(options)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{Setting.Name("Metrics:Port")} must be a port number between 1 and 65535.");

    public static bool IsValid(MetricsOptions options) =>
        options.Port is null
        || (int.TryParse(options.Port, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535);
}

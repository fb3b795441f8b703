using Microsoft.Extensions.Options;
using Reset.Infrastructure;
using Reset.Infrastructure.Configuration;

namespace Reset.Api.Hosting;

/// <summary>
/// Section "Host": how long a SIGTERM (docker stop, Kubernetes) waits for requests in flight and the
/// outbox dispatcher's current message before the host cuts them off.
/// </summary>
public sealed class ShutdownOptions
{
    public const string Section = "Host";

    /// <summary>
    /// Longer than the slowest request (a hosted human check, 5 s at most) and one e-mail send (SMTP
    /// timeout, 10 s); shorter than Kubernetes' default 30 s grace, so the host ends before SIGKILL.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(25);

    public static readonly TimeSpan Shortest = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(10);
}

internal sealed class ShutdownOptionsValidator : IValidateOptions<ShutdownOptions>
{
    public ValidateOptionsResult Validate(string? name, ShutdownOptions options) =>
        IsValid(options)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{Setting.Name("Host:ShutdownTimeout")} must be between {ShutdownOptions.Shortest:c} and {ShutdownOptions.Longest:c}.");

    public static bool IsValid(ShutdownOptions options) =>
        options.ShutdownTimeout >= ShutdownOptions.Shortest && options.ShutdownTimeout <= ShutdownOptions.Longest;
}

internal static class ShutdownSetup
{
    public static IServiceCollection AddShutdownTimeout(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ShutdownOptions, ShutdownOptionsValidator>(configuration, ShutdownOptions.Section);
        // Read unvalidated: the host takes its options while it is built, before the configuration check
        // can refuse a wrong value by name (and it does, so a wrong value never runs).
        services.AddOptions<HostOptions>().Configure(host =>
        {
            var shutdown = configuration.GetSection(ShutdownOptions.Section).Get<ShutdownOptions>() ?? new();
            if (ShutdownOptionsValidator.IsValid(shutdown))
            {
                host.ShutdownTimeout = shutdown.ShutdownTimeout;
            }
        });
        return services;
    }
}

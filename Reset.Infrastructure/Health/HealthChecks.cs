using Microsoft.Extensions.DependencyInjection;

namespace Reset.Infrastructure.Health;

public static class HealthChecks
{
    /// <summary>Checks that /health/ready runs: the dependencies without which no reset can proceed.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Each check gives up after this long, so /health/ready answers within 3 s even when a server hangs.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    internal static IServiceCollection AddDependencyHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgres", tags: [ReadyTag], timeout: Timeout)
            .AddCheck<RedisHealthCheck>("redis", tags: [ReadyTag], timeout: Timeout);
        services.AddSingleton<ReadinessProbe>();
        return services;
    }
}

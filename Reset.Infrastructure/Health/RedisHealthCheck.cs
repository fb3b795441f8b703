using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Reset.Infrastructure.Health;

internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // Every master answers, not just any server: on a Redis Cluster each master holds a share of
            // the tickets. On one server, or Sentinel's master with its replicas, that is the master.
            var masters = redis.GetServers().Where(server => !server.IsReplica).ToArray();
            if (masters.Length == 0)
            {
                return HealthCheckResult.Unhealthy("Redis has no master.");
            }

            await Task.WhenAll(masters.Select(server => server.PingAsync())).WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or ObjectDisposedException)
        {
            return HealthCheckResult.Unhealthy("Redis did not answer.", exception);
        }
    }
}

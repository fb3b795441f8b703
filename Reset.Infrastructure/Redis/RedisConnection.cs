using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Reset.Infrastructure.Redis;

internal static class RedisConnection
{
    /// <summary>
    /// Connects without failing when Redis is down at start: the multiplexer keeps reconnecting in
    /// the background, requests answer 503 meanwhile and /health/ready says why.
    /// One server, a Redis Cluster (any of its nodes; it finds the rest) and Sentinel all come from the
    /// configuration string alone: with <c>serviceName=…</c> the endpoints are sentinels, and
    /// StackExchange.Redis asks them for that service's master and follows its failovers. Through
    /// Sentinel, though, a sentinel must name a reachable master at start, or this throws and the
    /// service does not start (the library's rule, whatever AbortOnConnectFail says).
    /// </summary>
    public static IConnectionMultiplexer Connect(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2000;
        // Commands in a millisecond when all is well; the pipeline's per-try timeout is 1 s too.
        options.SyncTimeout = 1000;
        options.AsyncTimeout = 1000;
        // No connection: fail now (the pipeline retries or answers 503) rather than queue the
        // command until its timeout.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ClientName ??= "reset-service";
        return ConnectionMultiplexer.Connect(options);
    }
}

/// <summary>
/// Makes the first connection attempt while the host starts, so no request (and no health check)
/// ever waits on it; with Redis down, start-up takes the connect timeout longer, once.
/// </summary>
internal sealed class RedisConnectionWarmup(IConnectionMultiplexer redis) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = redis.IsConnected;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

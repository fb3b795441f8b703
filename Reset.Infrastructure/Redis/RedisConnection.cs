using StackExchange.Redis;

namespace Reset.Infrastructure.Redis;

internal static class RedisConnection
{
    /// <summary>
    /// Connects without failing when Redis is down at start: the multiplexer keeps reconnecting in
    /// the background, requests answer 503 meanwhile and /health/ready says why.
    /// </summary>
    public static IConnectionMultiplexer Connect(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2000;
        options.SyncTimeout = 2000;
        options.AsyncTimeout = 2000;
        options.ClientName ??= "reset-service";
        return ConnectionMultiplexer.Connect(options);
    }
}

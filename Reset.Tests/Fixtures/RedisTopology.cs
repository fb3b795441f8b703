using StackExchange.Redis;

namespace Reset.Tests.Fixtures;

/// <summary>
/// What a test sees of Redis as a whole, the same on one server and on a cluster: the masters, and the
/// keys across all of them (on a cluster, SCAN on one node lists that node's keys only).
/// </summary>
public static class RedisTopology
{
    /// <summary>The servers that hold data: the one server, or every master of a cluster.</summary>
    public static IServer[] Masters(IConnectionMultiplexer redis) =>
        [.. redis.GetServers().Where(server => server.IsConnected && !server.IsReplica)];

    /// <summary>Keys matching the pattern on every master.</summary>
    public static async Task<List<RedisKey>> KeysAsync(IConnectionMultiplexer redis, string pattern, int database = -1)
    {
        var keys = new List<RedisKey>();
        foreach (var server in Masters(redis))
        {
            await foreach (var key in server.KeysAsync(database, pattern))
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    /// <summary>A connection of the test's own that may send server commands (CLUSTER, INFO, WAIT).</summary>
    public static async Task<ConnectionMultiplexer> ConnectAsAdminAsync(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AllowAdmin = true;
        return await ConnectionMultiplexer.ConnectAsync(options);
    }

    /// <summary>Fails unless the configuration reaches a Redis Cluster in state ok with three masters.</summary>
    public static async Task ShouldBeAClusterOfThreeMastersAsync(string configuration)
    {
        await using var redis = await ConnectAsAdminAsync(configuration);
        var masters = Masters(redis);
        if (masters.Length != 3 || masters.Any(server => server.ServerType != ServerType.Cluster))
        {
            throw new InvalidOperationException(
                $"Expected a Redis Cluster of three masters at {configuration}; found {masters.Length} server(s) of type "
                + string.Join(", ", masters.Select(server => server.ServerType).Distinct()));
        }

        foreach (var server in masters)
        {
            var info = (string?)await server.ExecuteAsync("CLUSTER", "INFO") ?? string.Empty;
            if (!info.Contains("cluster_state:ok", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The Redis Cluster node {server.EndPoint} is not in cluster_state:ok.");
            }
        }
    }
}

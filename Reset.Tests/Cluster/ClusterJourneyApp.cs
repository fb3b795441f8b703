using Reset.Tests.Fixtures;

namespace Reset.Tests.Cluster;

/// <summary>The service on the three-master Redis Cluster of <see cref="TestServers.RedisClusterAsync"/>, whatever Redis the run's other apps use.</summary>
public sealed class ClusterJourneyApp : JourneyApp
{
    public string RedisCluster { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        RedisCluster = await TestServers.RedisClusterAsync();
        Settings["ConnectionStrings:Redis"] = RedisCluster;
    }
}

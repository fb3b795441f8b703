using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Cluster;

/// <summary>
/// A three-master Redis Cluster of this test's own, started by scripts/servers.sh in a folder of its
/// own on six free ports, that the test may break: the shared cluster must stay up for other tests.
/// </summary>
internal sealed class OwnedRedisCluster : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly string _folder;

    private OwnedRedisCluster(string folder, int firstPort, string configuration)
    {
        _folder = folder;
        FirstPort = firstPort;
        Configuration = configuration;
        _environment = ScriptEnvironment(folder, firstPort);
    }

    public int FirstPort { get; }

    public string Configuration { get; }

    public static async Task<OwnedRedisCluster> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "reset-tests-cluster-" + Guid.NewGuid().ToString("N"));
        var firstPort = SixFreePorts();
        var environment = ScriptEnvironment(folder, firstPort);
        await ScriptServers.RunAsync(environment, "start", "redis-cluster");
        var configuration = ScriptServers.ExportedValue(await ScriptServers.RunAsync(environment, "env", "redis-cluster"), "RESET_REDIS_CLUSTER");
        return new OwnedRedisCluster(folder, firstPort, configuration);
    }

    /// <summary>Kills one node (0, 1 or 2) by the PID its pid file holds, as a host that dies.</summary>
    public async Task KillNodeAsync(int node)
    {
        var port = (FirstPort + node).ToString(CultureInfo.InvariantCulture);
        var pid = int.Parse((await File.ReadAllTextAsync(Path.Combine(_folder, "redis-cluster", port, "redis.pid"))).Trim(), CultureInfo.InvariantCulture);
        using var process = System.Diagnostics.Process.GetProcessById(pid);
        process.Kill();
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await ScriptServers.RunAsync(_environment, "stop", "redis-cluster");
        Directory.Delete(_folder, recursive: true);
    }

    private static Dictionary<string, string> ScriptEnvironment(string folder, int firstPort) => new()
    {
        ["RESET_VAR_DIR"] = folder,
        ["RESET_REDIS_CLUSTER_PORT"] = firstPort.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The first of six consecutive ports that are free now (three nodes and their bus ports).</summary>
    private static int SixFreePorts()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var first = Random.Shared.Next(20000, 30000);
            if (Enumerable.Range(first, 6).All(IsFree))
            {
                return first;
            }
        }

        throw new InvalidOperationException("No six consecutive free ports found.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var probe = new TcpListener(IPAddress.Loopback, port);
            probe.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

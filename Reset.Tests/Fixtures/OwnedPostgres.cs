using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Reset.Tests.Fixtures;

/// <summary>
/// A PostgreSQL server of this test's own, that the test may stop and start again: the shared test
/// PostgreSQL must never go down under other tests. It is the project's own scripts/servers.sh in a
/// folder of its own, so it starts the way ./run.sh and ./test.sh start theirs (as root too, through
/// the postgres user). The first start creates the cluster and the schema; later starts bring the same data back.
/// </summary>
public sealed class OwnedPostgres : IAsyncDisposable
{
    private const string Database = "reset_owned";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "reset-tests-pg-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string> _environment;
    private string? _connectionString;

    public OwnedPostgres()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        _environment = new Dictionary<string, string>
        {
            ["RESET_VAR_DIR"] = _folder,
            ["RESET_PG_PORT"] = Port.ToString(CultureInfo.InvariantCulture),
            ["RESET_PG_DATABASE"] = Database,
            ["RESET_SERVERS_FAST"] = "1",
        };
    }

    public int Port { get; }

    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("Start the owned PostgreSQL first.");

    /// <summary>Starts the server: the first time with a new cluster, database and migrated schema; afterwards with the data it had.</summary>
    public async Task StartAsync()
    {
        await ScriptServers.RunAsync(_environment, "start", "postgres");
        if (_connectionString is null)
        {
            var env = await ScriptServers.RunAsync(_environment, "env", "postgres");
            _connectionString = ScriptServers.ExportedValue(env, "ConnectionStrings__Postgres");
            await TestServers.MigrateAsync(_connectionString);
        }
    }

    /// <summary>pg_ctl stop -m fast, as an operator restarting it would: open connections are cut, committed data stays.</summary>
    public async Task StopAsync() => await ScriptServers.RunAsync(_environment, "stop", "postgres");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            foreach (var folder in new[] { _folder, FallbackFolder() }.Where(Directory.Exists))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>
    /// Where servers.sh puts the cluster when the postgres user cannot reach the folder (a temp
    /// folder under /root, say): /var/tmp/reset-service-&lt;first 12 hex of md5(RESET_VAR_DIR)&gt;.
    /// </summary>
    private string FallbackFolder()
    {
#pragma warning disable CA5351 // Not security: the same folder name as servers.sh's md5sum gives.
        var hash = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(_folder)));
#pragma warning restore CA5351
        return Path.Combine("/var/tmp", "reset-service-" + hash[..12]);
    }
}

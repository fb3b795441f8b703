using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Reset.Infrastructure.Persistence;
using Testcontainers.PostgreSql;
using Testcontainers.Redis;

namespace Reset.Tests.Fixtures;

/// <summary>
/// The real PostgreSQL and Redis the tests run against, found once per test run:
/// 1. connection strings from the environment (ConnectionStrings__Postgres / __Redis; ./test.sh sets them),
/// 2. else Testcontainers, where a Docker engine answers,
/// 3. else the project's own scripts/servers.sh, which installs and starts throwaway servers.
/// With RESET_TEST_ON_REDIS_CLUSTER=1 (./test.sh's second pass) every app uses <see cref="RedisClusterAsync"/>
/// instead of the single Redis, and the run stops at once if that is not a cluster of three masters.
/// </summary>
public sealed class TestServers
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly SemaphoreSlim ClusterGate = new(1, 1);
    private static TestServers? _instance;
    private static string? _cluster;

    private TestServers(string postgres, string redis)
    {
        Postgres = postgres;
        Redis = redis;
    }

    public string Postgres { get; }

    public string Redis { get; }

    /// <summary>Whether this run's apps use the Redis Cluster (./test.sh's second pass).</summary>
    public static bool OnRedisCluster => Environment.GetEnvironmentVariable("RESET_TEST_ON_REDIS_CLUSTER") == "1";

    /// <summary>
    /// A Redis Cluster of three masters: RESET_REDIS_CLUSTER (a StackExchange.Redis configuration naming
    /// its nodes; ./test.sh sets it), else the one scripts/servers.sh starts. Checked before it is given out.
    /// </summary>
    public static async Task<string> RedisClusterAsync()
    {
        await ClusterGate.WaitAsync();
        try
        {
            if (_cluster is null)
            {
                var cluster = Environment.GetEnvironmentVariable("RESET_REDIS_CLUSTER");
                if (string.IsNullOrEmpty(cluster))
                {
                    cluster = await ScriptServers.StartRedisClusterAsync();
                }

                await RedisTopology.ShouldBeAClusterOfThreeMastersAsync(cluster);
                _cluster = cluster;
            }

            return _cluster;
        }
        finally
        {
            ClusterGate.Release();
        }
    }

    public static async Task<TestServers> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_instance is null)
            {
                var servers = await StartAsync();
                if (OnRedisCluster)
                {
                    servers = new TestServers(servers.Postgres, await RedisClusterAsync());
                }

                await MigrateAsync(servers.Postgres);
                _instance = servers;
            }

            return _instance;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<TestServers> StartAsync()
    {
        var postgres = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres");
        var redis = Environment.GetEnvironmentVariable("ConnectionStrings__Redis");
        if (!string.IsNullOrEmpty(postgres) && !string.IsNullOrEmpty(redis))
        {
            return new TestServers(postgres, redis);
        }

        if (DockerEngineMayAnswer())
        {
            try
            {
                var pg = new PostgreSqlBuilder("postgres:15").Build();
                var rd = new RedisBuilder("redis:7").Build();
                await Task.WhenAll(pg.StartAsync(), rd.StartAsync());
                return new TestServers(postgres ?? pg.GetConnectionString(), redis ?? rd.GetConnectionString());
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // The socket is there but no engine answers (as on the CI machines): use the scripts.
                Console.Error.WriteLine($"Testcontainers could not start servers ({exception.GetType().Name}); using scripts/servers.sh.");
            }
        }

        var fromScript = await ScriptServers.StartAsync();
        return new TestServers(postgres ?? fromScript.Postgres, redis ?? fromScript.Redis);
    }

    private static bool DockerEngineMayAnswer() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_HOST")) || File.Exists("/var/run/docker.sock");

    /// <summary>
    /// A database of its own for one app instance, copied from the migrated one. Each instance runs
    /// an outbox dispatcher; with one shared table, one app's dispatcher would send another's mail.
    /// </summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "reset_app_" + Guid.NewGuid().ToString("N")[..16];
        var template = new NpgsqlConnectionStringBuilder(Postgres).Database;
        await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return new NpgsqlConnectionStringBuilder(Postgres) { Database = name }.ConnectionString;
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        var admin = new NpgsqlConnectionStringBuilder(Postgres) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Applies the EF Core migrations to the database the connection string names.</summary>
    internal static async Task MigrateAsync(string postgres)
    {
        // No pooling: a template database must have no open connections when it is copied.
        var unpooled = new NpgsqlConnectionStringBuilder(postgres) { Pooling = false }.ConnectionString;
        var options = new DbContextOptionsBuilder<ResetDbContext>().UseNpgsql(unpooled).UseSnakeCaseNamingConvention().Options;
        await using var db = new ResetDbContext(options);
        var watch = Stopwatch.StartNew();
        await db.Database.MigrateAsync();
        Console.Error.WriteLine($"Test database migrated in {watch.ElapsedMilliseconds} ms.");
    }
}

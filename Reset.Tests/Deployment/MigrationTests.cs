using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Reset.Infrastructure.Persistence;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Deployment;

/// <summary>
/// The Kubernetes manifests migrate in an init container, so pods that start together migrate
/// together. The real binary, run as those init containers would (their settings, Production),
/// three at once on an empty database.
/// </summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task Init_containers_that_migrate_at_once_all_succeed_and_apply_each_migration_once()
    {
        var servers = await TestServers.GetAsync();
        var database = "reset_migrate_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(servers.Postgres, $"CREATE DATABASE \"{database}\"");
        var postgres = new NpgsqlConnectionStringBuilder(servers.Postgres) { Database = database, Pooling = false }.ConnectionString;
        try
        {
            var k8s = KubernetesManifests.Read();
            var settings = k8s.EnvironmentOf(k8s.InitContainer);
            settings["ConnectionStrings__Postgres"] = postgres;
            settings["ConnectionStrings__Redis"] = servers.Redis;

            var runs = Enumerable.Range(0, 3).Select(_ => RunAsync(ServiceProcess.StartInfo("Production", settings, "migrate"))).ToList();
            var results = await Task.WhenAll(runs);

            results.ShouldAllBe(result => result.ExitCode == 0, string.Join("\n", results.Select(result => result.Output)));
            await using var db = ResetDbContext.ForMaintenance(postgres);
            var applied = (await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken)).ToList();
            applied.ShouldBe(db.Database.GetMigrations().ToList());
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(servers.Postgres, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}

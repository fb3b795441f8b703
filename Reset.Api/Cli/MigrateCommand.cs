using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Reset.Infrastructure.Configuration;
using Reset.Infrastructure.Persistence;

namespace Reset.Api.Cli;

/// <summary>`dotnet Reset.Api.dll migrate`: applies the committed EF Core migrations, then exits.</summary>
internal static class MigrateCommand
{
    public const string Name = "migrate";

    /// <summary>Names the PostgreSQL advisory lock that lets one `migrate` at a time work on a database.</summary>
    private const long MigrationLock = 0x7265_7365_745F_6D69; // "reset_mi"

    public static async Task<int> RunAsync(IServiceProvider services)
    {
        var connectionString = services.GetRequiredService<IOptions<ConnectionStringsOptions>>().Value.Postgres!;
        // Pods that start together run their init containers together. EF Core's own migration lock
        // did not stop two of them applying one migration twice here (42701 "column already exists",
        // Reset.Tests/Deployment/MigrationTests), so each waits its turn on a lock of its own session;
        // the ones after the first find nothing pending.
        // Unpooled, so the lock ends with this connection, as the process does.
        await using var lockSession = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await lockSession.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLock})", lockSession))
        {
            await take.ExecuteNonQueryAsync();
        }

        await using var db = ResetDbContext.ForMaintenance(connectionString);
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        await db.Database.MigrateAsync();
        Console.WriteLine(pending.Count == 0
            ? "migrate: the database is up to date."
            : $"migrate: applied {string.Join(", ", pending)}.");
        return 0;
    }
}

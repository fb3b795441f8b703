using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Reset.Infrastructure.Configuration;
using Reset.Infrastructure.Persistence;

namespace Reset.Api.Cli;

/// <summary>`dotnet Reset.Api.dll migrate`: applies the committed EF Core migrations, then exits.</summary>
internal static class MigrateCommand
{
    public const string Name = "migrate";

    public static async Task<int> RunAsync(IServiceProvider services)
    {
        var connectionString = services.GetRequiredService<IOptions<ConnectionStringsOptions>>().Value.Postgres!;
        await using var db = ResetDbContext.ForMaintenance(connectionString);
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        await db.Database.MigrateAsync();
        Console.WriteLine(pending.Count == 0
            ? "migrate: the database is up to date."
            : $"migrate: applied {string.Join(", ", pending)}.");
        return 0;
    }
}

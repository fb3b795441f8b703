using Microsoft.EntityFrameworkCore;
using Reset.Infrastructure.Persistence;

namespace Reset.Api.Cli;

/// <summary>`dotnet Reset.Api.dll migrate`: applies the committed EF Core migrations, then exits.</summary>
internal static class MigrateCommand
{
    public const string Name = "migrate";

    public static async Task<int> RunAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResetDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        await db.Database.MigrateAsync();
        Console.WriteLine(pending.Count == 0
            ? "migrate: the database is up to date."
            : $"migrate: applied {string.Join(", ", pending)}.");
        return 0;
    }
}

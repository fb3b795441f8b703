using Microsoft.EntityFrameworkCore;
using Npgsql;
using Reset.Infrastructure.Persistence;
using Reset.Tests.Fixtures;
using Reset.Tests.Http.PasswordResets;

namespace Reset.Tests.Faults;

/// <summary>
/// Reads an owned PostgreSQL on a connection of its own, never from the service's pool: after a
/// restart that pool may still hold connections the server cut, and the test must see the data, not them.
/// </summary>
internal static class OwnedDatabase
{
    public static ResetDbContext Open(OwnedPostgres postgres) => new(new DbContextOptionsBuilder<ResetDbContext>()
        .UseNpgsql(new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Pooling = false }.ConnectionString)
        .UseSnakeCaseNamingConvention()
        .Options);

    public static async Task<AccountRow> ReadAccountAsync(OwnedPostgres postgres, Guid userId)
    {
        await using var db = Open(postgres);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, TestContext.Current.CancellationToken);
        return new AccountRow(user.PasswordHash, user.SecurityStamp, user.PasswordChangedAt, user.UpdatedAt);
    }
}

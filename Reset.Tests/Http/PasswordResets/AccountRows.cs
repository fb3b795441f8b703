using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reset.Infrastructure.Persistence;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Http.PasswordResets;

/// <summary>What the database holds for one account, read fresh.</summary>
internal sealed record AccountRow(string PasswordHash, string SecurityStamp, DateTimeOffset PasswordChangedAt, DateTimeOffset UpdatedAt);

internal static class AccountRows
{
    public static async Task<AccountRow> ReadAsync(ResetApp app, Guid userId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ResetDbContext>();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId);
        return new AccountRow(user.PasswordHash, user.SecurityStamp, user.PasswordChangedAt, user.UpdatedAt);
    }
}

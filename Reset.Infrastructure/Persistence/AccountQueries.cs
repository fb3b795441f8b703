using Microsoft.EntityFrameworkCore;
using Reset.Domain.Accounts;

namespace Reset.Infrastructure.Persistence;

/// <summary>
/// The account lookup every new ticket makes, compiled once: EF Core then skips translating the
/// query on each call (a sixth of a ticket's CPU before, BENCHMARKS.md). It still runs through the
/// context's execution strategy, and so through the PostgreSQL pipeline.
/// </summary>
public static class AccountQueries
{
    public static readonly Func<ResetDbContext, string, CancellationToken, Task<UserAccount?>> ByEmail =
        EF.CompileAsyncQuery((ResetDbContext db, string email, CancellationToken ct) =>
            db.Users.AsNoTracking().SingleOrDefault(u => u.Email == email));

    public static readonly Func<ResetDbContext, string, CancellationToken, Task<UserAccount?>> ByMemberId =
        EF.CompileAsyncQuery((ResetDbContext db, string memberId, CancellationToken ct) =>
            db.Users.AsNoTracking().SingleOrDefault(u => u.MemberId == memberId));
}

using Microsoft.EntityFrameworkCore;
using Reset.Domain.Accounts;

namespace Reset.Infrastructure.Persistence;

/// <summary>
/// The account lookup every new ticket makes, as raw SQL that EF Core runs without translating it
/// (translating a LINQ query was a sixth of a ticket's CPU, BENCHMARKS.md). It still runs through
/// the context's execution strategy, and so through the PostgreSQL pipeline.
/// </summary>
/// <remarks>
/// A login that matches no account must cost what a customer's costs, or response times tell them
/// apart. An exact lookup that finds nothing skips the heap fetch, the row's transfer and its
/// materialisation (about 35 µs, measured): so the lookup always reads one row, the account's or its
/// neighbour in the login's index (the next login in index order, or the one before when none comes
/// after), the same one index descent and one heap fetch either way. PostgreSQL decides whether the
/// row is the match, with the column's own case-insensitive (citext) equality; a neighbour comes back
/// with an all-zero id, which no account has (provisioning refuses it), and is dropped here.
/// </remarks>
public static class AccountQueries
{
    // Every mapped column of users, listed because the neighbour's id is replaced: a new property
    // of UserAccount must be added here too (EF Core refuses a row without it, in every start test).
    private const string Columns =
        "created_at, email, member_id, password_changed_at, password_hash, phone, preferred_locale, security_stamp, status, updated_at, xmin";

    private const string NotAnAccount = "'00000000-0000-0000-0000-000000000000'::uuid";

    public static Task<UserAccount?> ByEmailAsync(ResetDbContext db, string email, CancellationToken ct) =>
        MatchedAsync(db, ByEmailOrNeighbour, email, ct);

    public static Task<UserAccount?> ByMemberIdAsync(ResetDbContext db, string memberId, CancellationToken ct) =>
        MatchedAsync(db, ByMemberIdOrNeighbour, memberId, ct);

    internal static readonly string ByEmailOrNeighbour = OrNeighbour("email");
    internal static readonly string ByMemberIdOrNeighbour = OrNeighbour("member_id");

    /// <summary>
    /// Not an EF-compiled query (EF Core cannot compile one over raw SQL) but one it need not translate
    /// either: not composed upon, the SQL runs as written, and only the row is materialised.
    /// </summary>
    private static async Task<UserAccount?> MatchedAsync(ResetDbContext db, string sql, string login, CancellationToken ct)
    {
        await foreach (var row in db.Users.FromSqlRaw(sql, login).AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            return row.Id != Guid.Empty ? row : null;
        }

        return null;
    }

    /// <summary>
    /// The row whose <paramref name="column"/> is the login, or else its neighbour in the column's unique
    /// index. Both branches always run (the sort needs both): had the second run only when the first
    /// found nothing, a login past the index's last entry would have cost a second descent.
    /// </summary>
    private static string OrNeighbour(string column) => $$"""
        SELECT * FROM (
          (SELECT CASE WHEN {{column}} = {0}::citext THEN id ELSE {{NotAnAccount}} END AS id, {{Columns}}
           FROM users WHERE {{column}} >= {0}::citext ORDER BY {{column}} LIMIT 1)
          UNION ALL
          (SELECT {{NotAnAccount}} AS id, {{Columns}}
           FROM users WHERE {{column}} < {0}::citext ORDER BY {{column}} DESC LIMIT 1)
        ) AS candidates
        ORDER BY id = {{NotAnAccount}}
        LIMIT 1
        """;
}

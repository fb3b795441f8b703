using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Reset.Domain.Accounts;
using Reset.Infrastructure.Persistence;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Infrastructure;

/// <summary>
/// The account lookup of every new ticket: it finds the account a login names, in any letter case,
/// and it reads one row whatever the login, so a login that matches nothing costs what a customer's
/// does (an exact lookup that finds nothing skips the row's fetch, transfer and materialisation).
/// </summary>
public sealed class AccountQueriesTests(JourneyApp app) : IClassFixture<JourneyApp>
{
    [Fact]
    public async Task A_login_finds_its_account_in_any_letter_case_and_no_other()
    {
        var customer = await app.CreateCustomerAsync();
        var locked = await app.CreateCustomerAsync(AccountStatus.Locked);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ResetDbContext>();
        var ct = TestContext.Current.CancellationToken;

        (await AccountQueries.ByEmailAsync(db, customer.Email.ToUpperInvariant(), ct))!.Id.ShouldBe(customer.Id);
        (await AccountQueries.ByMemberIdAsync(db, customer.MemberId, ct))!.Id.ShouldBe(customer.Id);
        (await AccountQueries.ByEmailAsync(db, locked.Email, ct))!.Status.ShouldBe(AccountStatus.Locked);
        (await AccountQueries.ByEmailAsync(db, "x" + customer.Email, ct)).ShouldBeNull();
        (await AccountQueries.ByMemberIdAsync(db, customer.MemberId + "x", ct)).ShouldBeNull();
        (await AccountQueries.ByEmailAsync(db, "zzzzzzzz@example.com", ct)).ShouldBeNull();
        (await AccountQueries.ByMemberIdAsync(db, "zzzzzzzz", ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Every_lookup_reads_one_row_and_descends_the_index_twice_whether_or_not_the_login_is_a_customers()
    {
        var customer = await app.CreateCustomerAsync();
        await app.CreateCustomerAsync();

        // A customer's login, one that falls between two customers', and one past the last in index order.
        // Each also descends the index twice (the row at or after the login, and the one before),
        // so a login past the last costs no second descent that a customer's login would not.
        foreach (var email in new[] { customer.Email, "customer.0@example.com", "zzzzzzzz@example.com" })
        {
            var plan = await PlanAsync(AccountQueries.ByEmailOrNeighbour, email);
            plan.GetProperty("Actual Rows").GetDouble().ShouldBe(1, email);
            IndexScansRun(plan).ShouldBe(2, email);
        }

        foreach (var memberId in new[] { customer.MemberId, "m0", "zzzzzzzz" })
        {
            var plan = await PlanAsync(AccountQueries.ByMemberIdOrNeighbour, memberId);
            plan.GetProperty("Actual Rows").GetDouble().ShouldBe(1, memberId);
            IndexScansRun(plan).ShouldBe(2, memberId);
        }
    }

    /// <summary>Index scans in the plan that ran at least once.</summary>
    private static int IndexScansRun(JsonElement node) =>
        (node.GetProperty("Node Type").GetString()!.StartsWith("Index", StringComparison.Ordinal)
            && node.GetProperty("Actual Loops").GetDouble() > 0 ? 1 : 0)
        + (node.TryGetProperty("Plans", out var children) ? children.EnumerateArray().Sum(IndexScansRun) : 0);

    /// <summary>The plan PostgreSQL ran for the lookup's SQL, from EXPLAIN ANALYZE.</summary>
    private async Task<JsonElement> PlanAsync(string sql, string login)
    {
        await using var connection = new NpgsqlConnection(app.Postgres);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, FORMAT JSON) " + sql.Replace("{0}", "$1", StringComparison.Ordinal), connection)
        {
            Parameters = { new NpgsqlParameter { Value = login } },
        };
        var plan = JsonDocument.Parse((string)(await explain.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
        return plan.RootElement[0].GetProperty("Plan").Clone();
    }
}

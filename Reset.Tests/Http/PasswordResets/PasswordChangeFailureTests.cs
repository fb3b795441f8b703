using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Reset.Domain.Accounts;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Http.PasswordResets;

/// <summary>
/// The password change is all or nothing. The token is taken before the transaction commits; when the
/// commit fails, the token is given back, so the same token works again and nothing half-changed stays.
/// </summary>
public sealed class PasswordChangeFailureTests(PasswordChangeFailureTests.FaultyApp app) : IClassFixture<PasswordChangeFailureTests.FaultyApp>
{
    public sealed class FaultyApp : JourneyApp
    {
        public FailNextPasswordChange Fault { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(Fault));
        }
    }

    /// <summary>
    /// Fails the next save that changes an account, as PostgreSQL going away at that moment would:
    /// before the commit (nothing written), or after it (written, but the reply lost on the way back).
    /// </summary>
    public sealed class FailNextPasswordChange : SaveChangesInterceptor
    {
        private int _beforeCommit;
        private int _afterCommit;
        private DbContext? _loseReplyOf;

        public void Arm() => Interlocked.Exchange(ref _beforeCommit, 1);

        public void ArmAfterCommit() => Interlocked.Exchange(ref _afterCommit, 1);

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (ChangesAccount(eventData) && Interlocked.Exchange(ref _beforeCommit, 0) == 1)
            {
                throw new DbUpdateException("injected", new NpgsqlException("injected: the connection was lost"));
            }

            if (ChangesAccount(eventData) && Interlocked.Exchange(ref _afterCommit, 0) == 1)
            {
                // Remembered for SavedChangesAsync, which no longer sees the account as modified; by its
                // context, so a background service saving in between (the outbox) does not take the fault.
                Interlocked.Exchange(ref _loseReplyOf, eventData.Context);
            }

            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default) =>
            eventData.Context is { } context && Interlocked.CompareExchange(ref _loseReplyOf, null, context) == context
                ? throw new DbUpdateException("injected", new NpgsqlException("injected: the connection was lost after COMMIT"))
                : base.SavedChangesAsync(eventData, result, cancellationToken);

        private static bool ChangesAccount(DbContextEventData eventData) =>
            eventData.Context!.ChangeTracker.Entries<UserAccount>().Any(e => e.State == EntityState.Modified);
    }

    [Fact]
    public async Task A_failed_commit_answers_503_changes_nothing_and_the_same_token_works_again()
    {
        var customer = await app.CreateCustomerAsync();
        var before = await AccountRows.ReadAsync(app, customer.Id);
        var (ticketId, token) = await app.VerifiedTicketAsync(customer);
        app.Fault.Arm();

        using var failed = await app.SetPasswordAsync(ticketId, token, "violet kettle drums at noon");

        var problem = await ProblemDetailsTests.ShouldBeProblemAsync(failed, HttpStatusCode.ServiceUnavailable);
        problem.GetProperty("code").GetString().ShouldBe("dependency_unavailable");
        failed.Headers.RetryAfter.ShouldNotBeNull();
        (await AccountRows.ReadAsync(app, customer.Id)).ShouldBe(before);
        (await app.GetTicketAsync(ticketId)).GetProperty("status").GetString().ShouldBe("verified");

        using var retried = await app.SetPasswordAsync(ticketId, token, "violet kettle drums at noon");

        retried.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await AccountRows.ReadAsync(app, customer.Id)).PasswordHash.ShouldNotBe(before.PasswordHash);
    }

    [Fact]
    public async Task Failed_commits_do_not_count_against_the_tokens_submissions()
    {
        var customer = await app.CreateCustomerAsync();
        var (ticketId, token) = await app.VerifiedTicketAsync(customer);

        for (var i = 0; i < 6; i++)
        {
            app.Fault.Arm();
            using var failed = await app.SetPasswordAsync(ticketId, token, "violet kettle drums at noon");
            failed.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        }

        (await app.SetPasswordAsync(ticketId, token, "violet kettle drums at noon")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_commit_whose_reply_was_lost_answers_503_and_the_retry_answers_204_without_changing_anything_twice()
    {
        var customer = await app.CreateCustomerAsync();
        var before = await AccountRows.ReadAsync(app, customer.Id);
        var (ticketId, token) = await app.VerifiedTicketAsync(customer);
        app.Fault.ArmAfterCommit();

        using var lost = await app.SetPasswordAsync(ticketId, token, "violet kettle drums at noon");

        (await ProblemDetailsTests.ShouldBeProblemAsync(lost, HttpStatusCode.ServiceUnavailable)).GetProperty("code").GetString().ShouldBe("dependency_unavailable");
        var committed = await AccountRows.ReadAsync(app, customer.Id);
        committed.PasswordHash.ShouldNotBe(before.PasswordHash, "the commit itself went through");

        using var retried = await app.SetPasswordAsync(ticketId, token, "violet kettle drums at noon");

        retried.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await AccountRows.ReadAsync(app, customer.Id)).ShouldBe(committed, "the retry changes nothing again");
        (await AuditCountAsync(customer.Id, Reset.Domain.Audit.AuditEventTypes.PasswordChanged)).ShouldBe(1);
        (await app.GetTicketAsync(ticketId)).GetProperty("status").GetString().ShouldBe("completed");
        using var again = await app.SetPasswordAsync(ticketId, token, "violet kettle drums at noon");
        again.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the token is used up once the ticket is completed");
    }

    [Fact]
    public async Task A_retry_with_another_password_after_a_lost_reply_is_refused_and_changes_nothing()
    {
        var customer = await app.CreateCustomerAsync();
        var (ticketId, token) = await app.VerifiedTicketAsync(customer);
        app.Fault.ArmAfterCommit();
        using var lost = await app.SetPasswordAsync(ticketId, token, "violet kettle drums at noon");
        lost.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var committed = await AccountRows.ReadAsync(app, customer.Id);

        using var other = await app.SetPasswordAsync(ticketId, token, "amber lantern over the harbour");

        (await ProblemDetailsTests.ShouldBeProblemAsync(other, HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("ticket_state");
        (await AccountRows.ReadAsync(app, customer.Id)).ShouldBe(committed);
    }

    [Fact]
    public async Task A_ticket_started_before_the_password_changed_elsewhere_cannot_change_it()
    {
        var customer = await app.CreateCustomerAsync();
        var (ticketId, token) = await app.VerifiedTicketAsync(customer);
        await ChangePasswordElsewhereAsync(customer.Id);
        var changed = await AccountRows.ReadAsync(app, customer.Id);

        using var refused = await app.SetPasswordAsync(ticketId, token, "violet kettle drums at noon");

        (await ProblemDetailsTests.ShouldBeProblemAsync(refused, HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("ticket_state");
        (await AccountRows.ReadAsync(app, customer.Id)).ShouldBe(changed);
    }

    /// <summary>The customer remembered the password and changed it in the shop while the ticket was open.</summary>
    private async Task ChangePasswordElsewhereAsync(Guid userId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Reset.Infrastructure.Persistence.ResetDbContext>();
        var hasher = scope.ServiceProvider.GetRequiredService<Reset.Domain.Passwords.IPasswordHasher>();
        var user = await db.Users.SingleAsync(u => u.Id == userId, TestContext.Current.CancellationToken);
        await Task.Delay(5, TestContext.Current.CancellationToken);
        user.ChangePassword(await hasher.HashAsync("changed in the shop itself", TestContext.Current.CancellationToken), app.Time.GetUtcNow());
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private async Task<int> AuditCountAsync(Guid userId, string type)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Reset.Infrastructure.Persistence.ResetDbContext>();
        return await db.AuditEvents.CountAsync(e => e.UserId == userId && e.Type == type, TestContext.Current.CancellationToken);
    }
}

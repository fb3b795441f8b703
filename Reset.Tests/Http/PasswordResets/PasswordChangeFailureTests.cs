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

    /// <summary>Fails the next commit that changes an account, as PostgreSQL going away at that moment would.</summary>
    public sealed class FailNextPasswordChange : SaveChangesInterceptor
    {
        private int _armed;

        public void Arm() => Interlocked.Exchange(ref _armed, 1);

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var changesAccount = eventData.Context!.ChangeTracker.Entries<UserAccount>().Any(e => e.State == EntityState.Modified);
            if (changesAccount && Interlocked.Exchange(ref _armed, 0) == 1)
            {
                throw new DbUpdateException("injected", new NpgsqlException("injected: the connection was lost"));
            }

            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
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
}

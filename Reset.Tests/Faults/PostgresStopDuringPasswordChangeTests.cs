using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Reset.Domain.Accounts;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Faults;

/// <summary>
/// PostgreSQL really goes down in the middle of the password change (its process stopped, not a
/// thrown exception): the customer gets a quick 503, nothing half-changed stays, and once the server
/// is back the same reset token sets the password, with no restart of the service.
/// </summary>
public sealed class PostgresStopDuringPasswordChangeTests
{
    private const string NewPassword = "violet kettle drums at noon";

    [Fact]
    public async Task Postgres_stopping_during_the_password_change_answers_503_in_time_changes_nothing_and_the_same_token_works_once_it_is_back()
    {
        await using var postgres = new OwnedPostgres();
        await postgres.StartAsync();
        var stopper = new StopPostgresBeforeAccountSave(postgres);
        await using var app = new App(stopper) { SharedDatabase = postgres.ConnectionString };
        await app.InitializeAsync();
        var customer = await app.CreateCustomerAsync();
        var before = await OwnedDatabase.ReadAccountAsync(postgres, customer.Id);
        var (ticketId, token) = await app.VerifiedTicketAsync(customer);
        stopper.Arm();

        var failed = await TimedAnswer.OfAsync("set password, PostgreSQL stopped before its commit",
            ct => app.CreateClient().PostAsync(Paths.Password(ticketId), Bodies.Password(token, NewPassword), ct));

        stopper.StoppedAt.ShouldNotBeNull("the interceptor never stopped PostgreSQL: the save it waits for did not happen");
        var sinceStop = Stopwatch.GetElapsedTime(stopper.StoppedAt.Value);
        TestContext.Current.TestOutputHelper?.WriteLine($"answer {sinceStop.TotalMilliseconds:F0} ms after PostgreSQL stopped");
        failed.IsUnavailable.ShouldBeTrue(failed.ToString());
        sinceStop.ShouldBeLessThanOrEqualTo(TimedAnswer.Within);
        (await app.GetTicketAsync(ticketId)).GetProperty("status").GetString().ShouldBe("verified");

        await postgres.StartAsync();
        (await OwnedDatabase.ReadAccountAsync(postgres, customer.Id)).ShouldBe(before);
        var retried = await Retry.WhileUnavailableAsync("set password, PostgreSQL back",
            ct => app.CreateClient().PostAsync(Paths.Password(ticketId), Bodies.Password(token, NewPassword), ct));

        retried.Status.ShouldBe(HttpStatusCode.NoContent);
        (await OwnedDatabase.ReadAccountAsync(postgres, customer.Id)).PasswordHash.ShouldNotBe(before.PasswordHash);
    }

    private sealed class App(StopPostgresBeforeAccountSave stopper) : JourneyApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(stopper));
        }
    }

    /// <summary>When armed, stops the owned PostgreSQL just before the next save that changes an account, so that save fails for real.</summary>
    private sealed class StopPostgresBeforeAccountSave(OwnedPostgres postgres) : SaveChangesInterceptor
    {
        private int _armed;

        /// <summary>When PostgreSQL was down (a Stopwatch timestamp), or null while it was not stopped.</summary>
        public long? StoppedAt { get; private set; }

        public void Arm() => Interlocked.Exchange(ref _armed, 1);

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var changesAccount = eventData.Context!.ChangeTracker.Entries<UserAccount>().Any(e => e.State == EntityState.Modified);
            if (changesAccount && Interlocked.Exchange(ref _armed, 0) == 1)
            {
                await postgres.StopAsync();
                StoppedAt = Stopwatch.GetTimestamp();
            }

            return await base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reset.Infrastructure.HumanCheck;
using Reset.Infrastructure.Persistence;
using Reset.Tests.Fixtures;
using Reset.Tests.Http.PasswordResets;
using StackExchange.Redis;

namespace Reset.Tests.Faults;

/// <summary>
/// Redis is down (its process stopped): what needs it answers 503 within 3 s, what does not keeps
/// working, nothing is half-created, and once it is back the journey completes without a restart.
/// Everything but the health checks and static answers needs Redis: each endpoint of the journey
/// counts its requests there (rate limits) before anything else, and so does the policy evaluation.
/// </summary>
public sealed class RedisOutageTests
{
    private const string NewPassword = "violet kettle drums at noon";

    [Fact]
    public async Task Redis_stopping_during_ticket_creation_answers_503_in_time_leaves_no_ticket_changes_nothing_and_the_same_login_completes_after()
    {
        await using var redis = new OwnedRedis();
        await redis.StartAsync();
        var stopper = new StopRedisDuringHumanCheck(redis);
        await using var app = new App(stopper);
        await app.InitializeAsync();
        app.Settings["ConnectionStrings:Redis"] = redis.ConnectionString;
        var customer = await app.CreateCustomerAsync();
        var account = await AccountRows.ReadAsync(app, customer.Id);
        var auditEvents = await CountAuditEventsAsync(app);
        stopper.Arm();

        var failed = await TimedAnswer.OfAsync("POST start, Redis stopped during it", ct => app.CreateClient().PostAsync(Paths.Start, Bodies.Start(customer.Email), ct));

        stopper.StoppedAt.ShouldNotBeNull("the human check never ran, so Redis was never stopped");
        var sinceStop = Stopwatch.GetElapsedTime(stopper.StoppedAt.Value);
        TestContext.Current.TestOutputHelper?.WriteLine($"answer {sinceStop.TotalMilliseconds:F0} ms after Redis stopped");
        failed.IsUnavailable.ShouldBeTrue(failed.ToString());
        sinceStop.ShouldBeLessThanOrEqualTo(TimedAnswer.Within);
        (await CountAuditEventsAsync(app)).ShouldBe(auditEvents);
        (await AccountRows.ReadAsync(app, customer.Id)).ShouldBe(account);

        await redis.StartAsync();
        (await TicketKeysAsync(redis)).ShouldBeEmpty();
        var started = await Retry.WhileUnavailableAsync("POST start, Redis back", ct => app.CreateClient().PostAsync(Paths.Start, Bodies.Start(customer.Email), ct));
        started.Status.ShouldBe(HttpStatusCode.Created);
        var ticketId = started.Property("ticketId")!;
        (await app.SendCodeAsync(ticketId)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        using var verified = await app.VerifyAsync(ticketId, await app.ReceiveCodeAsync(customer.Email));
        verified.StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = (await verified.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken)).GetProperty("resetToken").GetString()!;
        (await app.SetPasswordAsync(ticketId, token, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await AccountRows.ReadAsync(app, customer.Id)).PasswordHash.ShouldNotBe(account.PasswordHash);
    }

    [Fact]
    public async Task While_redis_is_down_ready_answers_503_what_needs_it_answers_503_in_time_the_rest_keeps_working_and_the_journey_completes_after()
    {
        await using var redis = new OwnedRedis();
        await redis.StartAsync();
        await using var app = new JourneyApp();
        await app.InitializeAsync();
        app.Settings["ConnectionStrings:Redis"] = redis.ConnectionString;
        var verifiedCustomer = await app.CreateCustomerAsync();
        var (verifiedTicket, token) = await app.VerifiedTicketAsync(verifiedCustomer);
        var codeCustomer = await app.CreateCustomerAsync();
        var codeTicket = await app.StartTicketAsync(codeCustomer.Email);
        (await app.SendCodeAsync(codeTicket)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var code = await app.ReceiveCodeAsync(codeCustomer.Email);
        var client = app.CreateClient();

        await redis.StopAsync();

        var ready = await TimedAnswer.OfAsync("GET /health/ready", ct => client.GetAsync("/health/ready", ct));
        var working = new[]
        {
            await TimedAnswer.OfAsync("GET /health/live", ct => client.GetAsync("/health/live", ct)),
            await TimedAnswer.OfAsync("GET /password-policy", ct => client.GetAsync("/api/v1/password-policy", ct)),
            await TimedAnswer.OfAsync("GET /human-check", ct => client.GetAsync("/api/v1/human-check", ct)),
        };
        // Many clients at once, as during a real outage: each must still get its answer within 3 s.
        var unavailable = await Task.WhenAll(
            TimedAnswer.OfAsync("POST /password-policy/evaluations", ct => client.PostAsJsonAsync("/api/v1/password-policy/evaluations", new { password = NewPassword }, ct)),
            TimedAnswer.OfAsync("POST start", ct => client.PostAsync(Paths.Start, Bodies.Start(codeCustomer.Email), ct)),
            TimedAnswer.OfAsync("GET ticket", ct => client.GetAsync(Paths.Ticket(codeTicket), ct)),
            TimedAnswer.OfAsync("POST codes", ct => client.PostAsync(Paths.Codes(codeTicket), Bodies.Code(), ct)),
            TimedAnswer.OfAsync("POST verification", ct => client.PostAsync(Paths.Verification(codeTicket), Bodies.Verification(code), ct)),
            TimedAnswer.OfAsync("POST password", ct => client.PostAsync(Paths.Password(verifiedTicket), Bodies.Password(token, NewPassword), ct)),
            TimedAnswer.OfAsync("POST support-requests", ct => client.PostAsync(Paths.SupportRequests(codeTicket), Bodies.Support("personal." + codeCustomer.Email), ct)));

        await redis.StartAsync();
        var changed = await Retry.WhileUnavailableAsync("POST password, Redis back", ct => client.PostAsync(Paths.Password(verifiedTicket), Bodies.Password(token, NewPassword), ct));
        var verified = await Retry.WhileUnavailableAsync("POST verification, Redis back", ct => client.PostAsync(Paths.Verification(codeTicket), Bodies.Verification(code), ct));

        ready.IsUnavailable.ShouldBeTrue(ready.ToString());
        working.Where(a => !a.Is(HttpStatusCode.OK)).ShouldBeEmpty();
        unavailable.Where(a => !a.IsUnavailable).ShouldBeEmpty();
        changed.Status.ShouldBe(HttpStatusCode.NoContent);
        verified.Status.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<int> CountAuditEventsAsync(ResetApp app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ResetDbContext>().AuditEvents.CountAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The keys of reset tickets (rst:{ticketId}…), read straight from the owned Redis.</summary>
    private static async Task<List<string>> TicketKeysAsync(OwnedRedis redis)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var keys = new List<string>();
        await foreach (var key in connection.GetServers()[0].KeysAsync(pattern: "rst:{*"))
        {
            keys.Add(key.ToString());
        }

        return keys;
    }

    private sealed class App(StopRedisDuringHumanCheck stopper) : JourneyApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IHumanCheckVerifier>(stopper));
        }
    }

    /// <summary>
    /// Passes every human check, as the disabled verifier does; when armed, stops the owned Redis first.
    /// The start endpoint asks it after its first Redis call and before the ticket is stored, so Redis goes away mid-request.
    /// </summary>
    private sealed class StopRedisDuringHumanCheck(OwnedRedis redis) : IHumanCheckVerifier
    {
        private int _armed;

        /// <summary>When Redis was down (a Stopwatch timestamp), or null while it was not stopped.</summary>
        public long? StoppedAt { get; private set; }

        public void Arm() => Interlocked.Exchange(ref _armed, 1);

        public async Task<HumanCheckResult> VerifyAsync(string token, string? clientIp, CancellationToken cancellationToken)
        {
            if (Interlocked.Exchange(ref _armed, 0) == 1)
            {
                await redis.StopAsync();
                StoppedAt = Stopwatch.GetTimestamp();
            }

            return HumanCheckResult.Pass();
        }
    }
}

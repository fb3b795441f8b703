using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reset.Domain.Passwords;
using Reset.Tests.Faults;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Soak;

/// <summary>
/// Many customers walk the whole journey at once while Redis, PostgreSQL and the SMTP server are each
/// restarted (their real processes and listener): no 5xx but 503, no password changed behind a
/// customer's back, no code delivered twice, and most journeys complete. Bounded: RESET_SOAK_SECONDS
/// of load (120 by default). Runs alone, so the suite's other tests neither slow it nor are slowed by it.
/// </summary>
[Collection(nameof(SoakTests))]
[CollectionDefinition(nameof(SoakTests), DisableParallelization = true)]
public sealed partial class SoakTests
{
    private const int Workers = 16;

    /// <summary>How long each server stays down: a few seconds, as a restart or a failover takes.</summary>
    private static readonly TimeSpan DownFor = TimeSpan.FromSeconds(4);

    /// <summary>
    /// With three outages of a few seconds in two minutes, a journey meets at most one or two of them and
    /// retries through it: nearly all should complete. Below this share something is losing journeys.
    /// </summary>
    private const double MinimumCompletedShare = 0.9;

    [Fact]
    public async Task Many_journeys_through_redis_postgres_and_smtp_restarts_see_only_503s_lose_no_password_change_and_get_each_code_once()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var load = LoadDuration();
        await using var redis = new OwnedRedis();
        await redis.StartAsync();
        await using var postgres = new OwnedPostgres();
        await postgres.StartAsync();
        await using var app = new JourneyApp { SharedDatabase = postgres.ConnectionString };
        await app.InitializeAsync();
        app.Settings["ConnectionStrings:Redis"] = redis.ConnectionString;
        // Thousands of requests: information logs would spend the CPU the journeys need; warnings and errors stay.
        app.Settings["Logging:LogLevel:Default"] = "Warning";
        var oldHash = await app.Services.GetRequiredService<IPasswordHasher>().HashAsync(SoakCustomers.OldPassword, cancellation);
        var customers = new SoakCustomers(app, oldHash);
        var counters = new SoakCounters();
        var outcomes = new ConcurrentQueue<JourneyOutcome>();
        var chaos = new Chaos(
            [
                new ChaosTarget("Redis", 0.20, redis.StopAsync, redis.StartAsync),
                new ChaosTarget("PostgreSQL", 0.45, postgres.StopAsync, postgres.StartAsync),
                new ChaosTarget("SMTP", 0.70, app.Smtp.StopAsync, app.Smtp.StartAsync),
            ],
            load,
            DownFor);

        var clock = Stopwatch.StartNew();
        var chaosRun = chaos.RunAsync(clock, cancellation);
        var workers = Enumerable.Range(0, Workers).Select(_ => Task.Run(
            async () =>
            {
                var client = new SoakClient(app.CreateClient(), counters);
                while (clock.Elapsed < load)
                {
                    var customer = await customers.CreateAsync(cancellation);
                    outcomes.Enqueue(await new SoakJourney(client, app.Smtp, customer).RunAsync(cancellation));
                }
            },
            cancellation)).ToList();
        await Task.WhenAll([chaosRun, .. workers]);
        var pending = await WaitForOutboxToDrainAsync(postgres, cancellation);

        var report = new SoakReport(
            load, clock.Elapsed, Workers, [.. outcomes], counters, chaos.Restarts,
            await ChangedPasswordsAsync(postgres, outcomes, oldHash, reported: false, cancellation),
            await ChangedPasswordsAsync(postgres, outcomes, oldHash, reported: true, cancellation),
            CodesDeliveredTwice(app.Smtp),
            [.. app.Smtp.Received.GroupBy(m => m.MessageId).Where(g => g.Count() > 1).Select(g => $"Message-ID {g.Key} x{g.Count()}")],
            pending);
        await WriteAsync(report.Text());

        // All checked, so a failure names every broken figure; the whole report is in the output above.
        report.ShouldSatisfyAllConditions(
            () => report.Restarts.Select(r => r.Server).ShouldBe(["Redis", "PostgreSQL", "SMTP"]),
            () => report.Counters.OtherServerErrors.ShouldBeEmpty(),
            () => report.Counters.Hangs.ShouldBeEmpty(),
            () => report.UnreportedChanges.ShouldBeEmpty(),
            () => report.ReportedButUnchanged.ShouldBeEmpty(),
            () => report.CodesDeliveredTwice.ShouldBeEmpty(),
            () => report.MessageIdsDeliveredTwice.ShouldBeEmpty(),
            () => report.Completed.ShouldBeGreaterThan(0),
            () => report.Completed.ShouldBeGreaterThanOrEqualTo((int)Math.Ceiling(report.Started * MinimumCompletedShare)));
    }

    private static TimeSpan LoadDuration() =>
        int.TryParse(Environment.GetEnvironmentVariable("RESET_SOAK_SECONDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromSeconds(120);

    /// <summary>
    /// Customers whose stored password differs from the old one (reported: false) though their journey
    /// never got the 204, or (reported: true) is still the old one though it did.
    /// </summary>
    private static async Task<List<string>> ChangedPasswordsAsync(
        OwnedPostgres postgres, IEnumerable<JourneyOutcome> outcomes, string oldHash, bool reported, CancellationToken cancellation)
    {
        var journeys = outcomes.ToDictionary(o => o.Customer.Id);
        var ids = journeys.Keys.ToList();
        await using var db = OwnedDatabase.Open(postgres);
        var hashes = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.PasswordHash, cancellation);
        return reported
            ? [.. journeys.Values.Where(j => j.PasswordReported && hashes[j.Customer.Id] == oldHash).Select(j => $"reported but unchanged: {j.Customer.Email}")]
            : [.. journeys.Values.Where(j => !j.PasswordReported && hashes[j.Customer.Id] != oldHash).Select(j => $"changed, not reported: {j.Customer.Email} ({j.StoppedAt})")];
    }

    /// <summary>The same code in two e-mails to the same recipient: the outbox sent one message twice.</summary>
    private static List<string> CodesDeliveredTwice(SmtpCatcher smtp) =>
    [
        .. smtp.Received
            .Select(m => (Message: m, To: string.Join(",", m.To.Mailboxes.Select(b => b.Address)), Code: CodeEmails.CodeIn(m)))
            .Where(m => m.Code is not null)
            .GroupBy(m => (m.To, m.Code))
            .Where(g => g.Count() > 1)
            .Select(g => $"code e-mail to {g.Key.To} x{g.Count()}, composed at {string.Join(" and ", g.Select(m => m.Message.Date.ToString("HH:mm:ss", CultureInfo.InvariantCulture)))}"),
    ];

    /// <summary>Waits up to 60 s for the outbox to send what it holds (retries back off after the SMTP outage); returns what is left.</summary>
    private static async Task<int> WaitForOutboxToDrainAsync(OwnedPostgres postgres, CancellationToken cancellation)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            await using var db = OwnedDatabase.Open(postgres);
            var pending = await db.OutboxMessages.CountAsync(m => m.SentAt == null && m.DroppedAt == null, cancellation);
            if (pending == 0 || waited.Elapsed > TimeSpan.FromSeconds(60))
            {
                return pending;
            }

            await Task.Delay(500, cancellation);
        }
    }

    private static async Task WriteAsync(string report)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        var folder = Path.Combine(RepoRoot.Path, "var", "test");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "soak-report.txt"), report, TestContext.Current.CancellationToken);
    }
}

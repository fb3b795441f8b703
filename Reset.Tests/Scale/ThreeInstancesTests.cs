using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Reset.Domain.Audit;
using Reset.Infrastructure.Persistence;
using Reset.Tests.Fixtures;
using Reset.Tests.Http;

namespace Reset.Tests.Scale;

/// <summary>
/// Three instances of the real service behind nginx, round robin, sharing one database, Redis and
/// SMTP relay: a journey completes although each step lands on another instance, the shared outbox
/// sends each message once, and rate limits count across the instances per forwarded client address.
/// Runs alone: four processes and thirty concurrent customers on a small machine would otherwise
/// slow the suite's other tests, and be slowed by them past the service's own timeouts.
/// </summary>
[Collection(nameof(ThreeInstancesTests))]
[CollectionDefinition(nameof(ThreeInstancesTests), DisableParallelization = true)]
public sealed class ThreeInstancesTests(ThreeInstances deployment) : IClassFixture<ThreeInstances>
{
    private const string NewPassword = "violet kettle drums at noon";

    private int _retries;

    [Fact]
    public async Task A_journey_whose_every_step_lands_on_another_instance_completes()
    {
        var ct = TestContext.Current.CancellationToken;
        var customer = await StoredRows.CreateCustomerAsync(deployment.Postgres, "instances");
        var (client, address) = deployment.NewClient();
        using var http = client;
        var landings = new Landings();

        var (token, challenge) = await ThreeInstances.HumanCheckTokenAsync(http);
        landings.Add("challenge", challenge);
        challenge.Dispose();
        using var started = await http.PostAsJsonAsync("/api/v1/password-resets", new { login = customer.Email, humanCheckToken = token }, ct);
        landings.Add("start", started);
        started.StatusCode.ShouldBe(HttpStatusCode.Created);
        var ticketId = (await started.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("ticketId").GetString()!;

        // The challenge one instance issued was accepted by another, and the replay guard is shared too.
        using var replayed = await http.PostAsJsonAsync("/api/v1/password-resets", new { login = customer.Email, humanCheckToken = token }, ct);
        landings.Add("start again with the same token", replayed);
        (await ProblemDetailsTests.ShouldBeProblemAsync(replayed, HttpStatusCode.BadRequest)).GetProperty("code").GetString().ShouldBe("human_check_failed");

        using var read = await http.GetAsync(new Uri($"/api/v1/password-resets/{ticketId}", UriKind.Relative), ct);
        landings.Add("read the ticket", read);
        read.StatusCode.ShouldBe(HttpStatusCode.OK);

        // A retry with the same Idempotency-Key, as an app on a flaky network sends, lands elsewhere and gets the first answer.
        var idempotencyKey = Guid.NewGuid().ToString();
        using var sent = await SendCodeAsync(http, ticketId, idempotencyKey);
        landings.Add("get code", sent);
        sent.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        using var resent = await SendCodeAsync(http, ticketId, idempotencyKey);
        landings.Add("get code, retried", resent);
        resent.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        resent.Headers.GetValues("Idempotent-Replayed").Single().ShouldBe("true");
        (await resent.Content.ReadAsStringAsync(ct)).ShouldBe(await sent.Content.ReadAsStringAsync(ct));

        var code = await deployment.Smtp.WaitForCodeAsync(customer.Email, timeout: TimeSpan.FromSeconds(30));
        using var verified = await http.PostAsJsonAsync($"/api/v1/password-resets/{ticketId}/verification", new { code }, ct);
        landings.Add("verify", verified);
        verified.StatusCode.ShouldBe(HttpStatusCode.OK);
        var resetToken = (await verified.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("resetToken").GetString();

        using var set = await http.PostAsJsonAsync($"/api/v1/password-resets/{ticketId}/password",
            new { resetToken, newPassword = NewPassword, confirmPassword = NewPassword }, ct);
        landings.Add("set the password", set);
        set.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        TestContext.Current.TestOutputHelper?.WriteLine(landings.ToString());
        landings.EachOnAnotherInstanceThanTheLast();
        landings.Instances.Count.ShouldBe(3, landings.ToString());

        await using var db = ResetDbContext.ForMaintenance(deployment.Postgres);
        var account = await db.Users.AsNoTracking().SingleAsync(u => u.Id == customer.Id, ct);
        Isopoh.Cryptography.Argon2.Argon2.Verify(account.PasswordHash, NewPassword).ShouldBeTrue();
        Isopoh.Cryptography.Argon2.Argon2.Verify(account.PasswordHash, customer.Password).ShouldBeFalse();
        // The address each instance recorded is the client's, which nginx forwarded, not nginx's own.
        var audit = await db.AuditEvents.AsNoTracking().Where(e => e.UserId == customer.Id).ToListAsync(ct);
        audit.Select(e => e.Type).ShouldBe(
            [AuditEventTypes.PasswordResetRequested, AuditEventTypes.PasswordResetCodeVerified, AuditEventTypes.PasswordChanged], ignoreOrder: true);
        audit.ShouldAllBe(e => e.ClientIp == address.ToString());
        // One code despite the retry, then the notice of the change.
        CodeEmails.CodeIn(await deployment.Smtp.WaitForAsync(customer.Email, count: 2, timeout: TimeSpan.FromSeconds(30))).ShouldBeNull();
        deployment.Smtp.To(customer.Email).Count().ShouldBe(2);
    }

    [Fact]
    public async Task Codes_of_thirty_tickets_started_across_the_instances_are_each_sent_exactly_once()
    {
        const int tickets = 30;
        var ct = TestContext.Current.CancellationToken;
        var customers = new List<Customer>();
        for (var i = 0; i < tickets; i++)
        {
            customers.Add(await StoredRows.CreateCustomerAsync(deployment.Postgres, "outbox"));
        }

        await WaitForOutboxSettledAsync();
        var before = await Task.WhenAll(deployment.Instances.Select(deployment.MetricsOfAsync));

        // Thirty customers at once, each from an address of their own.
        var landed = await Task.WhenAll(customers.Select(StartAndGetCodeAsync));
        foreach (var customer in customers)
        {
            await deployment.Smtp.WaitForAsync(customer.Email, timeout: TimeSpan.FromSeconds(60));
        }

        // Many polls of every dispatcher: a second copy of any message would have come by now.
        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        await WaitForOutboxSettledAsync();
        var after = await Task.WhenAll(deployment.Instances.Select(deployment.MetricsOfAsync));

        // Each outbox row arrived once, recognised by the Message-ID its id makes. A code request retried
        // after a 503 whose first try had queued its code already queues a second code: its own row.
        await using var db = ResetDbContext.ForMaintenance(deployment.Postgres);
        var emails = customers.Select(c => c.Email).ToList();
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => emails.Contains(m.Recipient)).ToListAsync(ct);
        var arrived = customers.SelectMany(c => deployment.Smtp.To(c.Email)).Select(m => (m.MessageId ?? string.Empty).Split('@')[0]).ToList();
        var sentBy = Enumerable.Range(0, 3).Select(i => SentCodes(after[i]) - SentCodes(before[i])).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine($"code requests per instance: {string.Join(", ", landed.GroupBy(p => p).Select(g => g.Count()))}; " +
            $"codes sent per instance: {string.Join(", ", sentBy)}; outbox rows: {rows.Count}; arrivals: {arrived.Count}; requests retried: {_retries}");
        landed.Distinct().Count().ShouldBe(3, "the code requests went to every instance");
        rows.Count.ShouldBeGreaterThanOrEqualTo(tickets);
        rows.ShouldAllBe(m => m.SentAt != null && m.Attempts == 0);
        arrived.ShouldBe(rows.Select(r => r.Id.ToString("N")), ignoreOrder: true);
        sentBy.Sum().ShouldBe(rows.Count);
        sentBy.ShouldAllBe(sent => sent > 0, "every instance's dispatcher sent a share");

        static double SentCodes(string metrics) => PrometheusText.Sum(metrics, "reset_outbox_sent_total", ("kind", "reset_code"));
    }

    [Fact]
    public async Task A_rate_limit_holds_across_instances_the_request_past_it_answers_429_wherever_it_lands()
    {
        var (client, _) = deployment.NewClient();
        using var http = client;

        var (landed, refused) = await UseUpStartsAsync(http);

        landed.Distinct().Count().ShouldBe(3, "the allowed requests were spread over all three instances");
        using (refused)
        {
            var problem = await ProblemDetailsTests.ShouldBeProblemAsync(refused, HttpStatusCode.TooManyRequests);
            problem.GetProperty("code").GetString().ShouldBe("rate_limited");
            refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 600);
        }
    }

    [Fact]
    public async Task Each_client_address_nginx_forwards_has_a_budget_of_its_own_and_a_forged_forwarded_header_buys_none()
    {
        var ct = TestContext.Current.CancellationToken;
        var (first, _) = deployment.NewClient();
        var (second, _) = deployment.NewClient();
        using var firstHttp = first;
        using var secondHttp = second;
        (await UseUpStartsAsync(firstHttp)).Refused.Dispose();

        // nginx appends the address it saw; the service believes only that last entry, from its trusted proxy.
        var (token, challenge) = await ThreeInstances.HumanCheckTokenAsync(firstHttp);
        challenge.Dispose();
        using var forged = new HttpRequestMessage(HttpMethod.Post, "/api/v1/password-resets")
        {
            Content = JsonContent.Create(new { login = NewLogin(), humanCheckToken = token }),
        };
        forged.Headers.Add("X-Forwarded-For", "198.51.100.23");
        using var forgedAnswer = await firstHttp.SendAsync(forged, ct);
        forgedAnswer.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        using var other = await StartAsync(secondHttp);
        other.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    /// <summary>Starts as many tickets as one client may, then one more; returns where the allowed ones landed, and the answer to the last.</summary>
    private static async Task<(List<int> Landed, HttpResponseMessage Refused)> UseUpStartsAsync(HttpClient http)
    {
        // Every token first, so the starts themselves follow each other round robin.
        var tokens = new List<string>();
        for (var i = 0; i <= ThreeInstances.StartsPerClient; i++)
        {
            var (token, challenge) = await ThreeInstances.HumanCheckTokenAsync(http);
            challenge.Dispose();
            tokens.Add(token);
        }

        var landed = new List<int>();
        foreach (var token in tokens.SkipLast(1))
        {
            using var started = await StartAsync(http, token);
            started.StatusCode.ShouldBe(HttpStatusCode.Created);
            landed.Add(Nginx.UpstreamOf(started));
        }

        return (landed, await StartAsync(http, tokens[^1]));
    }

    /// <summary>
    /// One customer's start and code request. A 503 is retried as the contract tells clients to (the
    /// code request with the same Idempotency-Key): this test is about what the outbox sends, and
    /// thirty customers at once on a busy two-core machine can outlast the service's one-second Redis timeout.
    /// </summary>
    private async Task<int> StartAndGetCodeAsync(Customer customer)
    {
        var (client, _) = deployment.NewClient();
        using var http = client;
        // A new challenge for each try: the one a failed try sent may have been used up already.
        using var started = await WhileUnavailableAsync(async () => await StartAsync(http, await TokenAsync(http), customer.Email));
        await ShouldAnswerAsync(started, HttpStatusCode.Created);
        var ticketId = (await started.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("ticketId").GetString()!;
        var idempotencyKey = Guid.NewGuid().ToString();
        using var sent = await WhileUnavailableAsync(() => SendCodeAsync(http, ticketId, idempotencyKey));
        await ShouldAnswerAsync(sent, HttpStatusCode.Accepted);
        return Nginx.UpstreamOf(sent);
    }

    private static async Task<bool> WorthRetryingAsync(HttpResponseMessage answer) =>
        answer.StatusCode == HttpStatusCode.ServiceUnavailable
        || (answer.StatusCode == HttpStatusCode.Conflict
            && (await answer.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("code").GetString() == "idempotency_in_progress");

    private async Task<string> TokenAsync(HttpClient http)
    {
        using var challenge = await WhileUnavailableAsync(() => ThreeInstances.ChallengeAsync(http));
        return await ThreeInstances.SolveAsync(challenge);
    }

    /// <summary>
    /// Sends again after Retry-After (at most 1 s) while the answer is 503, or 409 idempotency_in_progress
    /// (a try whose claim Redis took but whose answer was lost: the claim lapses after 20 s), for up to
    /// 30 s, as the soak test's clients do; counts the retries.
    /// </summary>
    private async Task<HttpResponseMessage> WhileUnavailableAsync(Func<Task<HttpResponseMessage>> send)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var answer = await send();
            if (!await WorthRetryingAsync(answer) || DateTime.UtcNow > deadline)
            {
                return answer;
            }

            Interlocked.Increment(ref _retries);
            var wait = answer.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            answer.Dispose();
            await Task.Delay(wait < TimeSpan.FromSeconds(1) ? wait : TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Fails with the answer's body and the log of the instance that gave it.</summary>
    private async Task ShouldAnswerAsync(HttpResponseMessage answer, HttpStatusCode status)
    {
        if (answer.StatusCode != status)
        {
            var instance = deployment.InstanceOn(Nginx.UpstreamOf(answer));
            answer.StatusCode.ShouldBe(status, $"{await answer.Content.ReadAsStringAsync()}\nThe instance's output:\n{instance.Output[^Math.Min(20000, instance.Output.Length)..]}");
        }
    }

    /// <summary>POST /password-resets with a solved challenge (fetched first unless given).</summary>
    private static async Task<HttpResponseMessage> StartAsync(HttpClient http, string? token = null, string? login = null)
    {
        if (token is null)
        {
            var (solved, challenge) = await ThreeInstances.HumanCheckTokenAsync(http);
            challenge.Dispose();
            token = solved;
        }

        return await http.PostAsJsonAsync("/api/v1/password-resets", new { login = login ?? NewLogin(), humanCheckToken = token },
            TestContext.Current.CancellationToken);
    }

    private static async Task<HttpResponseMessage> SendCodeAsync(HttpClient http, string ticketId, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/password-resets/{ticketId}/codes")
        {
            Content = JsonContent.Create(new { method = "email" }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static string NewLogin() => $"someone.{Guid.NewGuid():N}@example.com";

    private async Task WaitForOutboxSettledAsync()
    {
        for (var i = 0; i < 300 && !await StoredRows.OutboxSettledAsync(deployment.Postgres); i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Which instance answered each step of a journey, as nginx named it.</summary>
    private sealed class Landings
    {
        private readonly List<(string Step, int Port)> _steps = [];

        public IReadOnlySet<int> Instances => _steps.Select(s => s.Port).ToHashSet();

        public void Add(string step, HttpResponseMessage answer) => _steps.Add((step, Nginx.UpstreamOf(answer)));

        public void EachOnAnotherInstanceThanTheLast()
        {
            for (var i = 1; i < _steps.Count; i++)
            {
                _steps[i].Port.ShouldNotBe(_steps[i - 1].Port, $"'{_steps[i].Step}' landed where '{_steps[i - 1].Step}' did:\n{this}");
            }
        }

        public override string ToString() => string.Join('\n', _steps.Select(s => $"{s.Step}: instance on port {s.Port}"));
    }
}

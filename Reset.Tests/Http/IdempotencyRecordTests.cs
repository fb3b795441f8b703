using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reset.Tests.Fixtures;
using StackExchange.Redis;

namespace Reset.Tests.Http;

/// <summary>
/// Idempotency records cost Redis memory, so only requests an endpoint accepted leave one, and only
/// while their ticket lives: nobody can fill Redis with answers to requests that were never let in.
/// The service runs on a Redis of this class's own, so every record in it is this class's.
/// </summary>
public sealed class IdempotencyRecordTests(IdempotencyRecordTests.App app) : IClassFixture<IdempotencyRecordTests.App>
{
    private const string Start = "/api/v1/password-resets";

    public sealed class App : JourneyApp
    {
        public OwnedRedis Redis { get; } = new();

        public override async ValueTask InitializeAsync()
        {
            await Redis.StartAsync();
            await base.InitializeAsync();
            Settings["ConnectionStrings:Redis"] = Redis.ConnectionString;
            Settings["RateLimits:StartPerClient:Limit"] = "1";
            Settings["RateLimits:StartPerClient:Window"] = "00:00:02";
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Redis.DisposeAsync();
            GC.SuppressFinalize(this);
        }
    }

    [Fact]
    public async Task Posts_with_fresh_keys_to_unknown_routes_wrong_methods_and_endpoints_without_keys_leave_no_record()
    {
        var before = await RecordsAsync();
        var client = app.CreateClient();

        for (var i = 0; i < 300; i++)
        {
            var path = (i % 3) switch
            {
                0 => "/api/v1/no-such-route/" + i,
                // GET only: 405.
                1 => "/api/v1/password-policy",
                // Changes nothing, so it takes no key.
                _ => "/api/v1/password-policy/evaluations",
            };
            using var response = await PostAsync(client, path, new { password = "violet kettle drums at noon" }, Guid.NewGuid().ToString());
            ((int)response.StatusCode).ShouldBeOneOf(200, 404, 405);
        }

        (await RecordsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_validation_failure_leaves_no_record()
    {
        var before = await RecordsAsync();

        using var refused = await PostAsync(ClientFrom("10.77.0.1"), Start, new { login = "", humanCheckToken = "t" }, Guid.NewGuid().ToString());

        (await ProblemDetailsTests.ShouldBeProblemAsync(refused, HttpStatusCode.BadRequest)).GetProperty("code").GetString().ShouldBe("validation_failed");
        (await RecordsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_request_refused_by_a_rate_limit_leaves_no_record_and_its_retry_after_the_window_runs_anew()
    {
        var client = ClientFrom("10.77.0.2");
        var key = Guid.NewGuid().ToString();
        var body = new { login = $"someone.{Guid.NewGuid():N}@example.com", humanCheckToken = "t" };
        (await PostAsync(client, Start, new { login = $"first.{Guid.NewGuid():N}@example.com", humanCheckToken = "t" }, Guid.NewGuid().ToString()))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var before = await RecordsAsync();

        using var limited = await PostAsync(client, Start, body, key);

        (await ProblemDetailsTests.ShouldBeProblemAsync(limited, HttpStatusCode.TooManyRequests)).GetProperty("code").GetString().ShouldBe("rate_limited");
        (await RecordsAsync()).ShouldBe(before);
        await Task.Delay(limited.Headers.RetryAfter!.Delta!.Value + TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
        using var retry = await PostAsync(client, Start, body, key);
        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        (await RecordsAsync()).ShouldBe(before + 1);
    }

    [Fact]
    public async Task A_record_of_a_step_expires_no_later_than_its_ticket_and_a_start_record_within_the_ticket_lifetime()
    {
        var customer = await app.CreateCustomerAsync();
        var before = await RedisKeysAsync();
        using var started = await PostAsync(ClientFrom("10.77.0.3"), Start, new { login = customer.Email, humanCheckToken = "t" }, Guid.NewGuid().ToString());
        started.StatusCode.ShouldBe(HttpStatusCode.Created);
        var ticket = await started.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var startRecord = (await RedisKeysAsync()).Except(before).ShouldHaveSingleItem();
        (await TtlAsync(startRecord)).ShouldBeInRange(TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(30));

        // Twenty minutes on, ten are left of the ticket: a step's record must not outlive them.
        app.Time.Advance(TimeSpan.FromMinutes(20));
        var ticketLeft = ticket.GetProperty("expiresAt").GetDateTimeOffset() - app.Time.GetUtcNow();
        var beforeCode = await RedisKeysAsync();
        using var sent = await PostAsync(ClientFrom("10.77.0.3"), $"{Start}/{ticket.GetProperty("ticketId").GetString()}/codes", new { method = "email" }, Guid.NewGuid().ToString());

        sent.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var codeRecord = (await RedisKeysAsync()).Except(beforeCode).ShouldHaveSingleItem();
        var ttl = await TtlAsync(codeRecord);
        ttl.ShouldBeGreaterThan(TimeSpan.Zero);
        ttl.ShouldBeLessThanOrEqualTo(ticketLeft);
    }

    [Fact]
    public async Task A_retried_wrong_code_is_answered_from_its_record_and_counted_once()
    {
        var customer = await app.CreateCustomerAsync();
        var client = ClientFrom("10.77.0.4");
        using var started = await client.PostAsJsonAsync(Start, new { login = customer.Email, humanCheckToken = "t" }, TestContext.Current.CancellationToken);
        var ticketId = (await started.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("ticketId").GetString()!;
        (await app.SendCodeAsync(ticketId)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var code = await app.ReceiveCodeAsync(customer.Email);
        var wrong = code == "000000" ? "000001" : "000000";
        var key = Guid.NewGuid().ToString();

        using var first = await PostAsync(client, $"{Start}/{ticketId}/verification", new { code = wrong }, key);
        using var retry = await PostAsync(client, $"{Start}/{ticketId}/verification", new { code = wrong }, key);

        var problem = await ProblemDetailsTests.ShouldBeProblemAsync(first, HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().ShouldBe("code_invalid");
        retry.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        retry.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await app.GetTicketAsync(ticketId)).GetProperty("attemptsRemaining").GetInt32().ShouldBe(problem.GetProperty("attemptsRemaining").GetInt32());
    }

    private HttpClient ClientFrom(string address)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(ResetApp.PeerHeader, address);
        return client;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>The idempotency records in the class's Redis, counted with SCAN on their prefix.</summary>
    private async Task<int> RecordsAsync() => (await RedisKeysAsync()).Count;

    private async Task<List<string>> RedisKeysAsync()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(app.Redis.ConnectionString);
        var keys = new List<string>();
        await foreach (var key in redis.GetServers()[0].KeysAsync(pattern: "idem:*"))
        {
            keys.Add(key.ToString());
        }

        return keys;
    }

    private async Task<TimeSpan> TtlAsync(string key)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(app.Redis.ConnectionString);
        return (await redis.GetDatabase().KeyTimeToLiveAsync(key))!.Value;
    }
}

using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reset.Infrastructure.Persistence;
using Reset.Tests.Fixtures;
using StackExchange.Redis;

namespace Reset.Tests.Http;

/// <summary>
/// Junk at every endpoint: each answer is a 4xx problem with a stable code, never a 500, and nothing
/// changes in PostgreSQL or Redis (rate-limit counters aside: counting attempts is their job).
/// Its service has a database and a Redis database of its own, so every row and key it sees is its own.
/// </summary>
[Collection(nameof(BadInputTests))]
[CollectionDefinition(nameof(BadInputTests), DisableParallelization = true)]
public sealed class BadInputTests(BadInputTests.IsolatedApp app) : IClassFixture<BadInputTests.IsolatedApp>
{
    /// <summary>The service on a Redis database of its own, emptied first: every key in it is this test's.</summary>
    public sealed class IsolatedApp : JourneyApp
    {
        public const int Database = 7;

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            Settings["ConnectionStrings:Redis"] = $"{Servers.Redis},defaultDatabase={Database}";
            await using var admin = await ConnectionMultiplexer.ConnectAsync($"{Servers.Redis},allowAdmin=true");
            await admin.GetServer(admin.GetEndPoints()[0]).FlushDatabaseAsync(Database);
        }
    }

    private const string Json = "application/json";
    private static readonly string Long = new('a', 10_000);
    private static readonly string Tickets = "/api/v1/password-resets";

    /// <summary>Name → (method, path with {t} for a live ticket, content type, body, expected status, expected code).</summary>
    private static readonly Dictionary<string, BadRequest> Cases = new BadRequest[]
    {
        new("start: not JSON", "POST", Tickets, Json, "hello", 400, "malformed_request"),
        new("start: truncated JSON", "POST", Tickets, Json, "{\"login\":\"a@example.com\"", 400, "malformed_request"),
        new("start: JSON array", "POST", Tickets, Json, "[]", 400, "malformed_request"),
        new("start: JSON string", "POST", Tickets, Json, "\"a@example.com\"", 400, "malformed_request"),
        new("start: JSON number", "POST", Tickets, Json, "42", 400, "malformed_request"),
        new("start: empty body", "POST", Tickets, Json, "", 400, "malformed_request"),
        new("start: null", "POST", Tickets, Json, "null", 400, "validation_failed"),
        new("start: empty object", "POST", Tickets, Json, "{}", 400, "validation_failed"),
        new("start: login null", "POST", Tickets, Json, "{\"login\":null,\"humanCheckToken\":\"t\"}", 400, "validation_failed"),
        new("start: login empty", "POST", Tickets, Json, "{\"login\":\"\",\"humanCheckToken\":\"t\"}", 400, "validation_failed"),
        new("start: login a number", "POST", Tickets, Json, "{\"login\":123,\"humanCheckToken\":\"t\"}", 400, "malformed_request"),
        new("start: login an array", "POST", Tickets, Json, "{\"login\":[\"a@example.com\"],\"humanCheckToken\":\"t\"}", 400, "malformed_request"),
        new("start: login an object", "POST", Tickets, Json, "{\"login\":{},\"humanCheckToken\":\"t\"}", 400, "malformed_request"),
        new("start: login 10000 characters", "POST", Tickets, Json, $"{{\"login\":\"{Long}@example.com\",\"humanCheckToken\":\"t\"}}", 400, "validation_failed"),
        new("start: login with CR LF header injection", "POST", Tickets, Json, "{\"login\":\"a@example.com\\r\\nBcc: victim@example.com\",\"humanCheckToken\":\"t\"}", 400, "validation_failed"),
        new("start: login with NUL", "POST", Tickets, Json, "{\"login\":\"demo\\u0000\",\"humanCheckToken\":\"t\"}", 400, "validation_failed"),
        new("start: login with a tab", "POST", Tickets, Json, "{\"login\":\"de\\tmo\",\"humanCheckToken\":\"t\"}", 400, "validation_failed"),
        new("start: login with a lone surrogate", "POST", Tickets, Json, "{\"login\":\"a\\ud800@example.com\",\"humanCheckToken\":\"t\"}", 400, "malformed_request"),
        new("start: token a number", "POST", Tickets, Json, "{\"login\":\"a@example.com\",\"humanCheckToken\":42}", 400, "malformed_request"),
        new("start: token 20000 characters", "POST", Tickets, Json, $"{{\"login\":\"a@example.com\",\"humanCheckToken\":\"{Long}{Long}\"}}", 400, "validation_failed"),
        new("start: token missing", "POST", Tickets, Json, "{\"login\":\"a@example.com\"}", 400, "human_check_failed"),
        new("start: token empty", "POST", Tickets, Json, "{\"login\":\"a@example.com\",\"humanCheckToken\":\"\"}", 400, "human_check_failed"),
        new("start: invalid UTF-8", "POST", Tickets, Json, null, 400, "malformed_request", [.. "{\"login\":\""u8, 0xFF, 0xFE, .. "\"}"u8]),
        new("start: nested 100 deep", "POST", Tickets, Json, new string('[', 100) + new string(']', 100), 400, "malformed_request"),
        new("start: text/plain", "POST", Tickets, "text/plain", "{\"login\":\"a@example.com\"}", 415, "unsupported_media_type"),
        new("start: 70 KiB body", "POST", Tickets, Json, $"{{\"login\":\"{new string('a', 70 * 1024)}\"}}", 413, "payload_too_large"),
        new("start: login only in the query string", "POST", Tickets + "?login=a%40example.com&humanCheckToken=t", Json, "{}", 400, "validation_failed"),
        new("codes: not JSON", "POST", Tickets + "/{t}/codes", Json, "email", 400, "malformed_request"),
        new("codes: JSON array", "POST", Tickets + "/{t}/codes", Json, "[\"email\"]", 400, "malformed_request"),
        new("codes: empty object", "POST", Tickets + "/{t}/codes", Json, "{}", 400, "validation_failed"),
        new("codes: method sms", "POST", Tickets + "/{t}/codes", Json, "{\"method\":\"sms\"}", 400, "validation_failed"),
        new("codes: method a number", "POST", Tickets + "/{t}/codes", Json, "{\"method\":1}", 400, "malformed_request"),
        new("codes: method null", "POST", Tickets + "/{t}/codes", Json, "{\"method\":null}", 400, "validation_failed"),
        new("codes: method 10000 characters", "POST", Tickets + "/{t}/codes", Json, $"{{\"method\":\"{Long}\"}}", 400, "validation_failed"),
        new("codes: unknown ticket", "POST", Tickets + "/aaaaaaaaaaaaaaaaaaaaaaaaaa/codes", Json, "{\"method\":\"email\"}", 404, "ticket_not_found"),
        new("codes: ticket id that is no id", "POST", Tickets + "/not-an-id/codes", Json, "{\"method\":\"email\"}", 404, "ticket_not_found"),
        new("codes: ticket id in capitals", "POST", Tickets + "/AAAAAAAAAAAAAAAAAAAAAAAAAA/codes", Json, "{\"method\":\"email\"}", 404, "ticket_not_found"),
        new("codes: ticket id 1000 characters", "POST", Tickets + "/" + new string('a', 1000) + "/codes", Json, "{\"method\":\"email\"}", 404, "ticket_not_found"),
        new("codes: ticket id with an encoded path", "POST", Tickets + "/..%2F..%2Fusers/codes", Json, "{\"method\":\"email\"}", 404, "ticket_not_found"),
        new("verification: not JSON", "POST", Tickets + "/{t}/verification", Json, "123456", 400, "malformed_request"),
        new("verification: truncated JSON", "POST", Tickets + "/{t}/verification", Json, "{\"code\":\"12", 400, "malformed_request"),
        new("verification: empty object", "POST", Tickets + "/{t}/verification", Json, "{}", 400, "validation_failed"),
        new("verification: five digits", "POST", Tickets + "/{t}/verification", Json, "{\"code\":\"12345\"}", 400, "validation_failed"),
        new("verification: seven digits", "POST", Tickets + "/{t}/verification", Json, "{\"code\":\"1234567\"}", 400, "validation_failed"),
        new("verification: a letter", "POST", Tickets + "/{t}/verification", Json, "{\"code\":\"12345a\"}", 400, "validation_failed"),
        new("verification: code a number", "POST", Tickets + "/{t}/verification", Json, "{\"code\":123456}", 400, "malformed_request"),
        new("verification: code empty", "POST", Tickets + "/{t}/verification", Json, "{\"code\":\"\"}", 400, "validation_failed"),
        new("verification: code null", "POST", Tickets + "/{t}/verification", Json, "{\"code\":null}", 400, "validation_failed"),
        new("verification: code 10000 characters", "POST", Tickets + "/{t}/verification", Json, $"{{\"code\":\"{Long}\"}}", 400, "validation_failed"),
        new("verification: Arabic-Indic digits", "POST", Tickets + "/{t}/verification", Json, "{\"code\":\"١٢٣٤٥٦\"}", 400, "validation_failed"),
        new("verification: code in the query string", "POST", Tickets + "/{t}/verification?code=123456", Json, "{}", 400, "validation_failed"),
        new("password: not JSON", "POST", Tickets + "/{t}/password", Json, "secret", 400, "malformed_request"),
        new("password: JSON array", "POST", Tickets + "/{t}/password", Json, "[]", 400, "malformed_request"),
        new("password: empty object", "POST", Tickets + "/{t}/password", Json, "{}", 400, "validation_failed"),
        new("password: new password null", "POST", Tickets + "/{t}/password", Json, "{\"resetToken\":\"x\",\"newPassword\":null,\"confirmPassword\":\"x\"}", 400, "validation_failed"),
        new("password: new password 10000 characters", "POST", Tickets + "/{t}/password", Json, $"{{\"resetToken\":\"x\",\"newPassword\":\"{Long}\",\"confirmPassword\":\"{Long}\"}}", 400, "validation_failed"),
        new("password: token a number", "POST", Tickets + "/{t}/password", Json, "{\"resetToken\":5,\"newPassword\":\"a\",\"confirmPassword\":\"a\"}", 400, "malformed_request"),
        new("password: secrets in the query string", "POST", Tickets + "/{t}/password?resetToken=x&newPassword=violet%20kettle%20drums&confirmPassword=violet%20kettle%20drums", Json, "{}", 400, "validation_failed"),
        new("support: not JSON", "POST", Tickets + "/{t}/support-requests", Json, "help", 400, "malformed_request"),
        new("support: empty object", "POST", Tickets + "/{t}/support-requests", Json, "{}", 400, "validation_failed"),
        new("support: contact with CR LF header injection", "POST", Tickets + "/{t}/support-requests", Json, "{\"contactEmail\":\"a@example.com\\r\\nBcc: b@example.com\",\"message\":\"help\"}", 400, "validation_failed"),
        new("support: message 10000 characters", "POST", Tickets + "/{t}/support-requests", Json, $"{{\"contactEmail\":\"a@example.com\",\"message\":\"{Long}\"}}", 400, "validation_failed"),
        new("support: contact a number", "POST", Tickets + "/{t}/support-requests", Json, "{\"contactEmail\":1,\"message\":\"help\"}", 400, "malformed_request"),
        new("ticket: id that is no id", "GET", Tickets + "/not-an-id", null, null, 404, "ticket_not_found"),
        new("ticket: id with a right-to-left override", "GET", Tickets + "/%E2%80%AEaaaaaaaaaaaaaaaaaaaaaaaaa", null, null, 404, "ticket_not_found"),
        new("evaluation: not JSON", "POST", "/api/v1/password-policy/evaluations", Json, "password", 400, "malformed_request"),
        new("evaluation: password 10000 characters", "POST", "/api/v1/password-policy/evaluations", Json, $"{{\"password\":\"{Long}\"}}", 400, "validation_failed"),
        new("evaluation: password a number", "POST", "/api/v1/password-policy/evaluations", Json, "{\"password\":1}", 400, "malformed_request"),
        new("wrong method on tickets", "PUT", Tickets, Json, "{}", 405, "method_not_allowed"),
        new("wrong method on a ticket", "DELETE", Tickets + "/{t}", null, null, 405, "method_not_allowed"),
        new("unknown route", "GET", "/api/v1/passwords", null, null, 404, "not_found"),
    }.ToDictionary(c => c.Name);

    public static TheoryData<string> Names => [.. Cases.Keys];

    [Fact]
    public void The_table_holds_at_least_60_kinds_of_bad_request()
    {
        Cases.Count.ShouldBeGreaterThanOrEqualTo(60);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Bad_request_gets_a_4xx_problem_with_a_stable_code_and_changes_nothing(string name)
    {
        var bad = Cases[name];
        var ticketId = await LiveTicketAsync();
        var before = await SnapshotAsync();

        using var request = new HttpRequestMessage(new HttpMethod(bad.Method), bad.Path.Replace("{t}", ticketId, StringComparison.Ordinal));
        if (bad.ContentType is not null)
        {
            request.Content = new ByteArrayContent(bad.Bytes ?? Encoding.UTF8.GetBytes(bad.Body ?? string.Empty));
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(bad.ContentType);
        }

        using var response = await app.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);

        var problem = await ProblemDetailsTests.ShouldBeProblemAsync(response, (HttpStatusCode)bad.Status);
        problem.GetProperty("code").GetString().ShouldBe(bad.Code);
        var after = await SnapshotAsync();
        after.Rows.ShouldBe(before.Rows);
        after.Keys.ShouldBe(before.Keys);
    }

    private static string? _ticketId;

    /// <summary>One ticket with a code sent, so bodies reach the rules of an existing ticket.</summary>
    private async Task<string> LiveTicketAsync()
    {
        if (_ticketId is null)
        {
            var customer = await app.CreateCustomerAsync();
            _ticketId = await app.StartTicketAsync(customer.Email);
            await app.SendCodeAsync(_ticketId);
            await app.Smtp.WaitForAsync(customer.Email);
            await EventsRelayedAsync();
        }

        return _ticketId;
    }

    /// <summary>The relay has put the setup's events on the stream, so none arrives during a case.</summary>
    private async Task EventsRelayedAsync()
    {
        for (var i = 0; i < 100; i++)
        {
            using var scope = app.Services.CreateScope();
            if (await scope.ServiceProvider.GetRequiredService<ResetDbContext>().Events.CountAsync() == 0)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The setup's events were not relayed to the stream.");
    }

    /// <summary>Row counts of every table, and every Redis key but rate-limit counters, with its value.</summary>
    private async Task<(string Rows, SortedDictionary<string, string?> Keys)> SnapshotAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ResetDbContext>();
        var rows = $"users={await db.Users.CountAsync()} audit={await db.AuditEvents.CountAsync()} " +
            $"support={await db.SupportRequests.CountAsync()} outbox={await db.OutboxMessages.CountAsync()} events={await db.Events.CountAsync()} " +
            $"changed={await db.Users.MaxAsync(u => (DateTimeOffset?)u.UpdatedAt)}";
        var redis = app.Services.GetRequiredService<IConnectionMultiplexer>();
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var keys = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        await foreach (var key in server.KeysAsync(database: IsolatedApp.Database))
        {
            if (key.ToString().StartsWith("rl:", StringComparison.Ordinal))
            {
                continue;
            }

            var type = await redis.GetDatabase().KeyTypeAsync(key);
            var value = type switch
            {
                RedisType.Hash => JsonSerializer.Serialize((await redis.GetDatabase().HashGetAllAsync(key)).OrderBy(e => (string?)e.Name).Select(e => $"{e.Name}={e.Value}")),
                RedisType.String => (string?)await redis.GetDatabase().StringGetAsync(key),
                RedisType.Set => string.Join(",", (await redis.GetDatabase().SetMembersAsync(key)).Select(v => (string?)v).Order()),
                RedisType.Stream => $"stream of {await redis.GetDatabase().StreamLengthAsync(key)}",
                _ => type.ToString(),
            };
            keys[key!] = value;
        }

        return (rows, keys);
    }

    private sealed record BadRequest(string Name, string Method, string Path, string? ContentType, string? Body, int Status, string Code, byte[]? Bytes = null);
}

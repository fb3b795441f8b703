using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Reset.Infrastructure.Configuration;
using Reset.Infrastructure.Email;
using Reset.Infrastructure.Persistence;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Http;

/// <summary>
/// The service run as its own process, so its /metrics count this test's journey alone: after a
/// journey with a wrong code, a locked ticket, a refused send, an expired code and a support
/// request, every funnel counter moved by exactly what happened. Its log lines are JSON with trace ids.
/// </summary>
public sealed class ObservabilityTests
{
    [Fact]
    public async Task After_a_journey_every_funnel_counter_moved_and_the_logs_are_json_with_trace_ids()
    {
        await using var smtp = new SmtpCatcher();
        var settings = ResetApp.LiftedRateLimits().ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        await using var service = await ServiceProcess.StartAsync(new(settings)
        {
            ["Secrets__HmacKey"] = ResetApp.TestHmacKey,
            ["HumanCheck__Provider"] = "disabled",
            ["Email__Smtp__Host"] = "127.0.0.1",
            ["Email__Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Email__Smtp__Security"] = "None",
            ["Email__Outbox__PollInterval"] = "00:00:00.200",
            ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
            // Development, for the disabled human check; with the JSON log lines operators get.
            ["Logging__Console__FormatterName"] = "json",
        });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{service.Port}") };
        using var scraper = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{service.MetricsPort}") };
        var ct = TestContext.Current.CancellationToken;
        var email = (await StoredRows.CreateCustomerAsync(service.Postgres, "metrics")).Email;
        // The database is a copy of the test template, which may hold rows of earlier runs: let the
        // dispatcher settle them before counting.
        await WaitForAsync(() => StoredRows.OutboxSettledAsync(service.Postgres));
        var before = await scraper.GetStringAsync("/metrics", ct);

        // One ticket to the end: the first send refused by the relay, one wrong code, then the right one.
        var ticket = await StartAsync(http, email);
        smtp.Refusing = true;
        (await http.PostAsJsonAsync($"/api/v1/password-resets/{ticket}/codes", new { method = "email" }, ct)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await WaitForAsync(() => OutboxRowAsync(service.Postgres, email, r => r.Attempts > 0));
        smtp.Refusing = false;
        var code = CodeEmails.CodeIn(await smtp.WaitForAsync(email, timeout: TimeSpan.FromSeconds(30))).ShouldNotBeNull();
        (await http.PostAsJsonAsync($"/api/v1/password-resets/{ticket}/verification", new { code = Wrong(code) }, ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var verified = await http.PostAsJsonAsync($"/api/v1/password-resets/{ticket}/verification", new { code }, ct);
        var token = (await verified.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("resetToken").GetString();
        (await http.PostAsJsonAsync($"/api/v1/password-resets/{ticket}/password",
            new { resetToken = token, newPassword = "violet kettle drums at noon", confirmPassword = "violet kettle drums at noon" }, ct))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // A second ticket: a support request while it is open, then five wrong codes lock it.
        var locked = await StartAsync(http, email);
        (await http.PostAsJsonAsync($"/api/v1/password-resets/{locked}/codes", new { method = "email" }, ct)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await http.PostAsJsonAsync($"/api/v1/password-resets/{locked}/support-requests",
            new { contactEmail = "other." + email, message = "I cannot reach my mailbox." }, ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var second = CodeEmails.CodeIn(await smtp.WaitForAsync(email, count: 3, timeout: TimeSpan.FromSeconds(30))).ShouldNotBeNull();
        for (var i = 0; i < 5; i++)
        {
            (await http.PostAsJsonAsync($"/api/v1/password-resets/{locked}/verification", new { code = Wrong(second) }, ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        // A code the relay never took in time, queued straight into the outbox already past its expiry.
        await AddExpiredCodeAsync(service.Postgres);
        await WaitForAsync(() => OutboxRowAsync(service.Postgres, "expired@example.com", r => r.DroppedAt is not null));
        await smtp.WaitForAsync("other." + email, timeout: TimeSpan.FromSeconds(30));

        var after = await scraper.GetStringAsync("/metrics", ct);
        var moved = new Dictionary<string, double>
        {
            ["tickets started"] = Delta("reset_tickets_started_total"),
            ["codes queued"] = Delta("reset_codes_queued_total"),
            ["codes sent"] = Delta("reset_outbox_sent_total", ("kind", "reset_code")),
            ["codes failed"] = Delta("reset_outbox_failed_total", ("kind", "reset_code")),
            ["codes expired unsent"] = Delta("reset_outbox_dropped_total", ("kind", "reset_code"), ("reason", "expired")),
            ["codes verified"] = Delta("reset_codes_verified_total"),
            ["codes wrong"] = Delta("reset_codes_wrong_total"),
            ["tickets locked"] = Delta("reset_tickets_locked_total"),
            ["passwords changed"] = Delta("reset_passwords_changed_total"),
            ["support requests"] = Delta("reset_support_requests_opened_total"),
        };
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(Environment.NewLine, moved.Select(m => $"{m.Key}: +{m.Value}")));
        moved.ShouldBe(new Dictionary<string, double>
        {
            ["tickets started"] = 2,
            ["codes queued"] = 2,
            ["codes sent"] = 2,
            ["codes failed"] = 1,
            ["codes expired unsent"] = 1,
            ["codes verified"] = 1,
            ["codes wrong"] = 6,
            ["tickets locked"] = 1,
            ["passwords changed"] = 1,
            ["support requests"] = 1,
        }, ignoreOrder: true);
        after.ShouldContain("http_server_request_duration_seconds", customMessage: "ASP.NET Core's own metrics are exported too");

        var requestLogs = service.Output.Split('\n').Where(line => line.StartsWith('{')).Select(line => JsonDocument.Parse(line).RootElement)
            .Where(log => log.GetProperty("Category").GetString() == "Microsoft.AspNetCore.Hosting.Diagnostics").ToList();
        requestLogs.ShouldNotBeEmpty(service.Output);
        requestLogs.Where(log => TraceIdOf(log)?.Length != 32).ShouldBeEmpty("every request log line carries its trace id");

        double Delta(string name, params (string Label, string Value)[] labels) =>
            PrometheusText.Sum(after, name, labels) - PrometheusText.Sum(before, name, labels);
    }

    private static string? TraceIdOf(JsonElement log) =>
        log.TryGetProperty("Scopes", out var scopes)
            ? scopes.EnumerateArray().Select(scope => scope.TryGetProperty("TraceId", out var id) ? id.GetString() : null).FirstOrDefault(id => id is not null)
            : null;

    private static string Wrong(string code) => code == "000000" ? "111111" : "000000";

    private static async Task<string> StartAsync(HttpClient http, string email)
    {
        using var started = await http.PostAsJsonAsync("/api/v1/password-resets", new { login = email, humanCheckToken = "test" }, TestContext.Current.CancellationToken);
        started.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await started.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("ticketId").GetString()!;
    }

    private static async Task AddExpiredCodeAsync(string postgres)
    {
        await using var db = ResetDbContext.ForMaintenance(postgres);
        var now = DateTimeOffset.UtcNow;
        var cipher = new OutboxCipher(Microsoft.Extensions.Options.Options.Create(new SecretsOptions { HmacKey = ResetApp.TestHmacKey }));
        db.OutboxMessages.Add(Outbox.Sealed(Outbox.ResetCodeKind, "expired@example.com", new EmailContent("123456", "123456", "<p>123456</p>"),
            now.AddMinutes(-11), notAfter: now.AddMinutes(-1), cipher));
        await db.SaveChangesAsync();
    }

    private static async Task<bool> OutboxRowAsync(string postgres, string recipient, Func<OutboxMessage, bool> condition)
    {
        await using var db = ResetDbContext.ForMaintenance(postgres);
        return (await db.OutboxMessages.AsNoTracking().Where(m => m.Recipient == recipient).ToListAsync()).Any(condition);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The outbox never reached the expected state.");
    }
}

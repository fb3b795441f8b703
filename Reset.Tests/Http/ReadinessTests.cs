using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reset.Infrastructure.Health;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Http;

/// <summary>/health/ready when a dependency hangs: 503 problem details, and within 3 s.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Ready_answers_503_within_3_seconds_when_redis_hangs()
    {
        using var hung = new HungServer();
        await using var app = new ResetApp();
        await app.InitializeAsync();
        app.Settings["ConnectionStrings:Redis"] = $"127.0.0.1:{hung.Port}";

        var body = await GetReadyExpecting503Async(app);

        body.GetProperty("checks").GetProperty("redis").GetString().ShouldBe("unhealthy");
        body.GetProperty("checks").GetProperty("postgres").GetString().ShouldBe("healthy");
    }

    [Fact]
    public async Task Ready_answers_503_within_3_seconds_when_postgres_hangs()
    {
        using var hung = new HungServer();
        await using var app = new ResetApp();
        await app.InitializeAsync();
        app.Settings["ConnectionStrings:Postgres"] = $"Host=127.0.0.1;Port={hung.Port};Database=reset;Username=reset;Password=unused";

        var body = await GetReadyExpecting503Async(app);

        body.GetProperty("checks").GetProperty("postgres").GetString().ShouldBe("unhealthy");
        body.GetProperty("checks").GetProperty("redis").GetString().ShouldBe("healthy");
    }

    [Fact]
    public async Task Redis_going_down_shows_within_the_report_lifetime_and_the_check_timeout()
    {
        await using var redis = new OwnedRedis();
        await redis.StartAsync();
        await using var app = new ResetApp();
        await app.InitializeAsync();
        app.Settings["ConnectionStrings:Redis"] = redis.ConnectionString;
        var client = app.CreateClient();
        using (var healthy = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken))
        {
            healthy.StatusCode.ShouldBe(HttpStatusCode.OK); // and now remembered for a second
        }

        await redis.StopAsync();
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
            status = response.StatusCode;
        }
        while (status == HttpStatusCode.OK && stopwatch.Elapsed < TimeSpan.FromSeconds(10));

        status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        // 1 s of the remembered report, 2 s of the check's timeout at most, and a second to spare.
        stopwatch.Elapsed.ShouldBeLessThan(ReadinessProbe.ReportLifetime + HealthChecks.Timeout + TimeSpan.FromSeconds(1));
    }

    private static async Task<JsonElement> GetReadyExpecting503Async(ResetApp app)
    {
        var client = app.CreateClient();
        // The contract is an answer within 3 s; a client that waits no longer fails the test otherwise.
        client.Timeout = TimeSpan.FromSeconds(3);

        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        response.Headers.RetryAfter.ShouldNotBeNull();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        body.GetProperty("code").GetString().ShouldBe("dependency_unavailable");
        body.GetProperty("status").GetInt32().ShouldBe(503);
        return body;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Reset.Infrastructure.Health;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Http;

public sealed class HealthTests(ResetApp app) : IClassFixture<ResetApp>
{
    [Fact]
    public async Task Ready_answers_200_when_postgres_and_redis_answer()
    {
        using var response = await app.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        body.GetProperty("status").GetString().ShouldBe("healthy");
        body.GetProperty("checks").GetProperty("postgres").GetString().ShouldBe("healthy");
        body.GetProperty("checks").GetProperty("redis").GetString().ShouldBe("healthy");
    }

    [Fact]
    public async Task Fifty_parallel_ready_calls_share_at_most_two_runs_of_the_checks()
    {
        var client = app.CreateClient();
        var probe = app.Services.GetRequiredService<ReadinessProbe>();
        var before = probe.ChecksRun;

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
            return response.StatusCode;
        }));

        answers.ShouldAllBe(status => status == HttpStatusCode.OK);
        (probe.ChecksRun - before).ShouldBeLessThanOrEqualTo(2);
    }

    [Fact]
    public async Task Live_answers_200()
    {
        using var response = await app.CreateClient().GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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
    public async Task Live_answers_200()
    {
        using var response = await app.CreateClient().GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

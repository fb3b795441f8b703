using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Cluster;

/// <summary>On a cluster each master holds a share of the tickets: with one down, the instance is not ready.</summary>
public sealed class ClusterMasterDownTests
{
    [Fact]
    public async Task With_one_master_of_three_down_readiness_answers_503_naming_redis()
    {
        await using var cluster = await OwnedRedisCluster.StartAsync();
        await using var app = new ResetApp();
        await app.InitializeAsync();
        app.Settings["ConnectionStrings:Redis"] = cluster.Configuration;
        using (var ready = await ReadyAsync(app))
        {
            ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await cluster.KillNodeAsync(2);

        HttpResponseMessage? notReady = null;
        for (var attempt = 0; attempt < 50 && notReady?.StatusCode != HttpStatusCode.ServiceUnavailable; attempt++)
        {
            notReady?.Dispose();
            await Task.Delay(200, TestContext.Current.CancellationToken);
            notReady = await ReadyAsync(app);
        }

        notReady!.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var body = await notReady.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        body.GetProperty("checks").GetProperty("redis").GetString().ShouldBe("unhealthy");
        body.GetProperty("checks").GetProperty("postgres").GetString().ShouldBe("healthy");
        notReady.Dispose();
    }

    private static Task<HttpResponseMessage> ReadyAsync(ResetApp app) =>
        app.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
}

using System.Globalization;
using System.Net;
using Microsoft.Extensions.Hosting.Internal;
using Reset.Api.Hosting;
using Reset.Tests.Fixtures;
using Reset.Tests.HumanCheck;

namespace Reset.Tests.Http;

/// <summary>
/// /metrics counts codes sent, which decoys never send: it answers on the management port only
/// (Metrics__Port, 9090 unless set, outside Development), and that port serves nothing but /metrics
/// and /health. The public port answers /metrics as the unknown route it is there.
/// </summary>
public sealed class MetricsPortTests
{
    [Fact]
    public async Task In_Production_metrics_answer_on_the_management_port_only_and_that_port_serves_no_api()
    {
        var metricsPort = ServiceProcess.FreePort();
        await using var service = await ServiceProcess.StartAsync(new()
        {
            ["Secrets__HmacKey"] = ResetApp.TestHmacKey,
            ["HumanCheck__Secret"] = AltchaApp.Secret,
            ["Email__Smtp__Host"] = "127.0.0.1",
            ["Metrics__Port"] = metricsPort.ToString(CultureInfo.InvariantCulture),
        }, environment: "Production");
        using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{service.Port}") };
        using var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{metricsPort}") };
        var ct = TestContext.Current.CancellationToken;

        using var publicMetrics = await api.GetAsync(new Uri("/metrics", UriKind.Relative), ct);
        using var spoofedHost = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        spoofedHost.Headers.Host = $"127.0.0.1:{metricsPort}";
        using var publicWithManagementHost = await api.SendAsync(spoofedHost, ct);
        using var scraped = await management.GetAsync(new Uri("/metrics", UriKind.Relative), ct);
        using var apiOnManagement = await management.GetAsync(new Uri("/api/v1/password-policy", UriKind.Relative), ct);
        using var healthOnManagement = await management.GetAsync(new Uri("/health/live", UriKind.Relative), ct);
        using var apiOnPublic = await api.GetAsync(new Uri("/api/v1/password-policy", UriKind.Relative), ct);

        (await ProblemDetailsTests.ShouldBeProblemAsync(publicMetrics, HttpStatusCode.NotFound)).GetProperty("code").GetString().ShouldBe("not_found");
        (await ProblemDetailsTests.ShouldBeProblemAsync(publicWithManagementHost, HttpStatusCode.NotFound)).GetProperty("code").GetString().ShouldBe("not_found");
        scraped.StatusCode.ShouldBe(HttpStatusCode.OK);
        scraped.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        (await scraped.Content.ReadAsStringAsync(ct)).ShouldContain("# TYPE ");
        (await ProblemDetailsTests.ShouldBeProblemAsync(apiOnManagement, HttpStatusCode.NotFound)).GetProperty("code").GetString().ShouldBe("not_found");
        healthOnManagement.StatusCode.ShouldBe(HttpStatusCode.OK);
        apiOnPublic.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("Production", null, 9090)]
    [InlineData("Staging", null, 9090)]
    [InlineData("Development", null, null)]
    [InlineData("Development", "9191", 9191)]
    [InlineData("Production", "9191", 9191)]
    public void The_management_port_is_9090_unless_set_and_none_in_Development(string environment, string? setting, int? port)
    {
        new MetricsOptions { Port = setting }.ManagementPort(new HostingEnvironment { EnvironmentName = environment }).ShouldBe(port);
    }

    [Fact]
    public async Task In_process_in_Production_metrics_are_not_on_the_api_port()
    {
        await using var app = new ResetApp { EnvironmentName = "Production" };
        await app.InitializeAsync();
        app.Settings["HumanCheck:Provider"] = "altcha";
        app.Settings["HumanCheck:Secret"] = AltchaApp.Secret;
        app.Settings["Email:Smtp:Host"] = "127.0.0.1";

        using var response = await app.CreateClient().GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

        (await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.NotFound)).GetProperty("code").GetString().ShouldBe("not_found");
    }
}

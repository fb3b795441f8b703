using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reset.Api.Demo;
using Reset.Infrastructure.Configuration;
using Reset.Tests.Fixtures;
using Reset.Tests.HumanCheck;

namespace Reset.Tests.Http;

/// <summary>
/// Demo:Enabled serves the reference page at /demo: on by default in Development, off in
/// Production, where /demo is the same 404 problem as any unknown route.
/// </summary>
public sealed class DemoPageSettingsTests(DemoPageSettingsTests.Apps apps) : IClassFixture<DemoPageSettingsTests.Apps>
{
    [Fact]
    public async Task Development_serves_the_page_with_a_same_origin_content_security_policy()
    {
        var client = apps.Development.CreateClient(new() { AllowAutoRedirect = false });

        using var bare = await client.GetAsync(new Uri("/demo", UriKind.Relative), TestContext.Current.CancellationToken);
        using var page = await client.GetAsync(new Uri("/demo/", UriKind.Relative), TestContext.Current.CancellationToken);
        using var widget = await client.GetAsync(new Uri("/demo/altcha.js", UriKind.Relative), TestContext.Current.CancellationToken);

        bare.StatusCode.ShouldBe(HttpStatusCode.MovedPermanently);
        bare.Headers.Location!.AbsolutePath.ShouldBe("/demo/");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("Forgot password?");
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        policy.ShouldStartWith("default-src 'none'; script-src 'self'; style-src 'self';");
        policy.ShouldContain("connect-src 'self'");
        policy.ShouldContain("frame-ancestors 'none'");
        page.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        page.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"]);
        page.Headers.CacheControl!.NoStore.ShouldBeTrue();
        widget.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await widget.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("altcha-widget");
    }

    [Theory]
    [InlineData("/demo")]
    [InlineData("/demo/")]
    [InlineData("/demo/demo.js")]
    public async Task Production_answers_404_not_found_for_the_page_by_default(string path)
    {
        await ShouldBeNotFoundAsync(apps.Production, path);
    }

    [Fact]
    public async Task Turned_off_in_Development_the_page_is_404_not_found()
    {
        await ShouldBeNotFoundAsync(apps.DevelopmentTurnedOff, "/demo/");
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    public void A_value_other_than_true_or_false_is_named_before_the_service_starts(string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Demo:Enabled"] = value }).Build();
        using var services = new ServiceCollection().AddDemoPage(configuration).BuildServiceProvider();

        ConfigurationCheck.FindProblems(services).ShouldContain("Demo__Enabled (Demo:Enabled) must be true or false.");
    }

    private static async Task ShouldBeNotFoundAsync(ResetApp app, string path)
    {
        using var response = await app.CreateClient(new() { AllowAutoRedirect = false })
            .GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        problem.GetProperty("code").GetString().ShouldBe("not_found");
        response.Headers.Contains("Content-Security-Policy").ShouldBeFalse();
    }

    /// <summary>The service in Development (page on by default), in Production (off by default), and in Development turned off.</summary>
    public sealed class Apps : IAsyncLifetime
    {
        public ResetApp Development { get; } = new() { EnvironmentName = "Development" };

        public ResetApp DevelopmentTurnedOff { get; } = new() { EnvironmentName = "Development" };

        public ResetApp Production { get; } = new() { EnvironmentName = "Production" };

        public async ValueTask InitializeAsync()
        {
            await Development.InitializeAsync();
            await DevelopmentTurnedOff.InitializeAsync();
            DevelopmentTurnedOff.Settings["Demo:Enabled"] = "false";
            await Production.InitializeAsync();
            // What Production insists on besides the secrets ResetApp gives.
            Production.Settings["HumanCheck:Provider"] = "altcha";
            Production.Settings["HumanCheck:Secret"] = AltchaApp.Secret;
            Production.Settings["Email:Smtp:Host"] = "127.0.0.1";
        }

        public async ValueTask DisposeAsync()
        {
            await Development.DisposeAsync();
            await DevelopmentTurnedOff.DisposeAsync();
            await Production.DisposeAsync();
        }
    }
}

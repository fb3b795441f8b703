using System.Net;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Http;

public sealed class CorsTests(CorsTests.StorefrontApp app) : IClassFixture<CorsTests.StorefrontApp>
{
    public sealed class StorefrontApp : ResetApp
    {
        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            Settings["Cors:AllowedOrigins:0"] = "https://shop.example";
        }
    }

    [Fact]
    public async Task A_configured_storefront_origin_may_call_the_api_from_a_browser()
    {
        using var preflight = await PreflightAsync("https://shop.example");

        preflight.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        preflight.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["https://shop.example"]);
        preflight.Headers.GetValues("Access-Control-Allow-Methods").Single().ShouldContain("POST");
        preflight.Headers.Contains("Access-Control-Allow-Credentials").ShouldBeFalse();
    }

    [Fact]
    public async Task Any_other_origin_gets_no_cors_permission()
    {
        using var preflight = await PreflightAsync("https://evil.example");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/password-policy");
        request.Headers.Add("Origin", "https://evil.example");
        using var simple = await app.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);

        preflight.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
        simple.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    private async Task<HttpResponseMessage> PreflightAsync(string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/password-resets");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return await app.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
    }
}

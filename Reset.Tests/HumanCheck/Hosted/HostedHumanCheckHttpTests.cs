using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Reset.Infrastructure.HumanCheck;
using Reset.Tests.Fixtures;

namespace Reset.Tests.HumanCheck.Hosted;

/// <summary>POST /api/v1/password-resets and GET /api/v1/human-check with Turnstile, over HTTP, the provider played by WireMock.</summary>
public sealed class TurnstileHttpTests(TurnstileApp app) : IClassFixture<TurnstileApp>
{
    [Fact]
    public async Task Human_check_names_turnstile_and_its_site_key()
    {
        var body = await app.CreateClient().GetFromJsonAsync<JsonElement>(
            new Uri("/api/v1/human-check", UriKind.Relative), TestContext.Current.CancellationToken);

        body.GetProperty("provider").GetString().ShouldBe("turnstile");
        body.GetProperty("siteKey").GetString().ShouldBe(HostedCheck.SiteKey);
        body.TryGetProperty("challengeUrl", out _).ShouldBeFalse();
        app.Services.GetRequiredService<IHumanCheckVerifier>().ShouldBeOfType<SiteverifyVerifier>();
    }

    [Fact]
    public async Task Token_the_provider_accepts_starts_a_reset()
    {
        using var response = await HostedHttp.StartAsync(app, TurnstileApp.Passes);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken))
            .GetProperty("ticketId").GetString().ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData(TurnstileApp.Fails)]
    [InlineData(TurnstileApp.Replayed)]
    public async Task Token_the_provider_refuses_is_human_check_failed(string token)
    {
        using var response = await HostedHttp.StartAsync(app, token);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        JsonDocument.Parse(body).RootElement.GetProperty("code").GetString().ShouldBe("human_check_failed");
        body.ShouldNotContain(token);
        body.ShouldNotContain(HostedCheck.Secret);
    }

    [Fact]
    public async Task Provider_down_is_503_dependency_unavailable_with_Retry_After_after_three_tries()
    {
        using var response = await HostedHttp.StartAsync(app, TurnstileApp.ProviderDown);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(5));
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        JsonDocument.Parse(body).RootElement.GetProperty("code").GetString().ShouldBe("dependency_unavailable");
        body.ShouldNotContain(HostedCheck.Secret);
        body.ShouldNotContain(TurnstileApp.ProviderDown);
        app.Provider.Forms.Count(form => form["response"] == TurnstileApp.ProviderDown).ShouldBe(3);
    }

    [Fact]
    public async Task Client_address_is_sent_to_the_provider_as_remoteip()
    {
        using var response = await HostedHttp.StartAsync(app, TurnstileApp.FromProxy, peer: "198.51.100.23");

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var form = app.Provider.Forms.Single(f => f["response"] == TurnstileApp.FromProxy);
        form["remoteip"].ShouldBe("198.51.100.23");
        form["secret"].ShouldBe(HostedCheck.Secret);
    }
}

/// <summary>reCAPTCHA v3 over HTTP: the score and the action decide.</summary>
public sealed class ReCaptchaHttpTests(ReCaptchaApp app) : IClassFixture<ReCaptchaApp>
{
    [Fact]
    public async Task Human_check_names_recaptcha_and_its_site_key()
    {
        var body = await app.CreateClient().GetFromJsonAsync<JsonElement>(
            new Uri("/api/v1/human-check", UriKind.Relative), TestContext.Current.CancellationToken);

        body.GetProperty("provider").GetString().ShouldBe("recaptcha");
        body.GetProperty("siteKey").GetString().ShouldBe(HostedCheck.SiteKey);
    }

    [Fact]
    public async Task High_score_for_the_right_action_starts_a_reset()
    {
        using var response = await HostedHttp.StartAsync(app, ReCaptchaApp.Human);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData(ReCaptchaApp.Bot)]
    [InlineData(ReCaptchaApp.OtherAction)]
    public async Task Low_score_or_another_action_is_human_check_failed(string token)
    {
        using var response = await HostedHttp.StartAsync(app, token);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken))
            .GetProperty("code").GetString().ShouldBe("human_check_failed");
    }
}

/// <summary>hCaptcha whose siteverify cannot be reached: the check fails closed.</summary>
public sealed class UnreachableProviderHttpTests(UnreachableHCaptchaApp app) : IClassFixture<UnreachableHCaptchaApp>
{
    [Fact]
    public async Task Human_check_names_hcaptcha_and_its_site_key()
    {
        var body = await app.CreateClient().GetFromJsonAsync<JsonElement>(
            new Uri("/api/v1/human-check", UriKind.Relative), TestContext.Current.CancellationToken);

        body.GetProperty("provider").GetString().ShouldBe("hcaptcha");
        body.GetProperty("siteKey").GetString().ShouldBe(HostedCheck.SiteKey);
    }

    [Fact]
    public async Task Unreachable_provider_is_503_dependency_unavailable_and_no_ticket_starts()
    {
        using var response = await HostedHttp.StartAsync(app, "hcaptcha-token");

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.ShouldNotBeNull();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        body.GetProperty("code").GetString().ShouldBe("dependency_unavailable");
        body.TryGetProperty("ticketId", out _).ShouldBeFalse();
    }
}

internal static class HostedHttp
{
    public static async Task<HttpResponseMessage> StartAsync(ResetApp app, string token, string? peer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/password-resets")
        {
            Content = JsonContent.Create(new { login = $"someone.{Guid.NewGuid():N}@example.com", humanCheckToken = token }),
        };
        if (peer is not null)
        {
            request.Headers.Add(ResetApp.PeerHeader, peer);
        }

        return await app.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
    }
}

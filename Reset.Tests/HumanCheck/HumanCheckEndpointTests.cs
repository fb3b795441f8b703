using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Reset.Infrastructure.HumanCheck;
using Reset.Tests.Fixtures;

namespace Reset.Tests.HumanCheck;

/// <summary>GET /api/v1/human-check and /api/v1/human-check/challenge with the built-in ALTCHA check.</summary>
public sealed class AltchaEndpointTests(AltchaApp app) : IClassFixture<AltchaApp>
{
    [Fact]
    public async Task Human_check_names_altcha_and_where_its_widget_fetches_challenges()
    {
        var body = await app.CreateClient().GetFromJsonAsync<JsonElement>(
            new Uri("/api/v1/human-check", UriKind.Relative), TestContext.Current.CancellationToken);

        body.GetProperty("provider").GetString().ShouldBe("altcha");
        body.GetProperty("challengeUrl").GetString().ShouldBe("/api/v1/human-check/challenge");
        body.TryGetProperty("siteKey", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Challenge_is_a_signed_protocol_v2_challenge_that_no_cache_keeps()
    {
        var before = DateTimeOffset.UtcNow;
        using var response = await app.CreateClient().GetAsync(
            new Uri("/api/v1/human-check/challenge", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var parameters = body.GetProperty("parameters");
        parameters.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["algorithm", "cost", "expiresAt", "keyLength", "keyPrefix", "keySignature", "nonce", "salt"]);
        parameters.GetProperty("algorithm").GetString().ShouldBe("PBKDF2/SHA-256");
        parameters.GetProperty("cost").GetInt32().ShouldBe(AltchaApp.Cost);
        parameters.GetProperty("keyLength").GetInt32().ShouldBe(32);
        parameters.GetProperty("keyPrefix").GetString()!.ShouldMatch("^[0-9a-f]{32}$");
        parameters.GetProperty("keySignature").GetString()!.ShouldMatch("^[0-9a-f]{64}$");
        parameters.GetProperty("nonce").GetString()!.ShouldMatch("^[0-9a-f]{32}$");
        parameters.GetProperty("salt").GetString()!.ShouldMatch("^[0-9a-f]{32}$");
        DateTimeOffset.FromUnixTimeSeconds(parameters.GetProperty("expiresAt").GetInt64())
            .ShouldBeInRange(before.AddMinutes(10).AddSeconds(-1), DateTimeOffset.UtcNow.AddMinutes(10));
        body.GetProperty("signature").GetString()!.ShouldMatch("^[0-9a-f]{64}$");
    }

    [Fact]
    public async Task Every_challenge_is_new()
    {
        var client = app.CreateClient();
        var nonces = new HashSet<string>();
        for (var i = 0; i < 5; i++)
        {
            var body = await client.GetFromJsonAsync<JsonElement>(
                new Uri("/api/v1/human-check/challenge", UriKind.Relative), TestContext.Current.CancellationToken);
            nonces.Add(body.GetProperty("parameters").GetProperty("nonce").GetString()!);
        }

        nonces.Count.ShouldBe(5);
    }

    [Fact]
    public void The_configured_verifier_is_the_altcha_verifier()
    {
        app.Services.GetRequiredService<IHumanCheckVerifier>().ShouldBeOfType<AltchaVerifier>();
    }
}

/// <summary>The same endpoints with the disabled check the other HTTP tests run with.</summary>
public sealed class DisabledHumanCheckEndpointTests(ResetApp app) : IClassFixture<ResetApp>
{
    [Fact]
    public async Task Human_check_names_disabled_with_no_challenge_url()
    {
        var body = await app.CreateClient().GetFromJsonAsync<JsonElement>(
            new Uri("/api/v1/human-check", UriKind.Relative), TestContext.Current.CancellationToken);

        body.GetProperty("provider").GetString().ShouldBe("disabled");
        body.TryGetProperty("challengeUrl", out _).ShouldBeFalse();
        body.TryGetProperty("siteKey", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Challenge_is_a_404_problem_when_the_check_is_not_altcha()
    {
        using var response = await app.CreateClient().GetAsync(
            new Uri("/api/v1/human-check/challenge", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        body.GetProperty("code").GetString().ShouldBe("not_found");
        body.GetProperty("status").GetInt32().ShouldBe(404);
    }

    [Fact]
    public void The_configured_verifier_is_the_disabled_verifier()
    {
        app.Services.GetRequiredService<IHumanCheckVerifier>().ShouldBeOfType<DisabledHumanCheckVerifier>();
    }
}

using System.Net;
using Reset.Tests.Fixtures;
using Reset.Tests.Http;

namespace Reset.Tests.HumanCheck;

/// <summary>Each challenge costs the service a key derivation, so one client gets a budget of them.</summary>
public sealed class ChallengeRateLimitTests(ChallengeRateLimitTests.AltchaApp app) : IClassFixture<ChallengeRateLimitTests.AltchaApp>
{
    public sealed class AltchaApp : ResetApp
    {
        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            Settings["HumanCheck:Provider"] = "altcha";
            Settings["HumanCheck:Secret"] = "a-test-only-altcha-hmac-key-of-32-characters-or-more";
            Settings["RateLimits:ChallengePerClient:Limit"] = "2";
            Settings["RateLimits:ChallengePerClient:Window"] = "00:10:00";
            PeerAddress = new IPAddress([10, 203, (byte)Random.Shared.Next(256), (byte)Random.Shared.Next(1, 255)]);
        }
    }

    [Fact]
    public async Task Too_many_challenges_from_one_client_answer_429_with_retry_after()
    {
        var client = app.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            using var challenge = await client.GetAsync(new Uri("/api/v1/human-check/challenge", UriKind.Relative), TestContext.Current.CancellationToken);
            challenge.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var third = await client.GetAsync(new Uri("/api/v1/human-check/challenge", UriKind.Relative), TestContext.Current.CancellationToken);

        (await ProblemDetailsTests.ShouldBeProblemAsync(third, HttpStatusCode.TooManyRequests)).GetProperty("code").GetString().ShouldBe("rate_limited");
        third.Headers.RetryAfter.ShouldNotBeNull();
    }
}

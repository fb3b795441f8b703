using FastEndpoints;
using Microsoft.Extensions.Options;
using Reset.Api.Localization;
using Reset.Api.Network;
using Reset.Api.Problems;
using Reset.Infrastructure.HumanCheck;
using Reset.Infrastructure.RateLimiting;

namespace Reset.Api.Features.HumanCheck.Challenge;

/// <summary>
/// A fresh ALTCHA challenge for the altcha widget's challengeurl. The widget solves it in its
/// workers; its payload is the humanCheckToken, which passes once, before the challenge expires.
/// </summary>
public sealed class Endpoint(IOptions<HumanCheckOptions> options, RateLimiter limiter) : EndpointWithoutRequest<AltchaChallengeResponse>
{
    public const string Route = "/human-check/challenge";

    /// <summary>The route as clients call it, under the global api/v1 prefix.</summary>
    public const string Url = "/api/v1" + Route;

    public override void Configure()
    {
        Get(Route);
        AllowAnonymous();
        Description(b => b
            .WithName("getHumanCheckChallenge")
            .WithTags("Human check")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable));
        Summary(s =>
        {
            s.Summary = "A new ALTCHA challenge";
            s.Responses[200] = "A signed ALTCHA challenge (protocol v2, PBKDF2/SHA-256); Cache-Control: no-store.";
            s.Responses[404] = "The human check in use is not altcha (code not_found).";
            s.Responses[429] = "rate_limited: too many challenges from this client.";
            s.ResponseExamples[200] = new AltchaChallengeResponse(
                new AltchaChallengeParameters(
                    "PBKDF2/SHA-256", 1000, 1767225600, 32, "3f9a0c2e7b1d4e6f8a0b2c4d6e8f0a1b",
                    "9c1e5a7b3d2f4e6a8c0b1d3f5e7a9c2b4d6f8e0a1c3e5b7d9f2a4c6e8b0d1f3a",
                    "6f1c0e9a3b5d47c2a8e4f0b1d2c3e4f5", "a7d3e1c9b5f2048e6d1a3c5b7e9f0d2c"),
                "0d4b8f2a6c1e3a5b7d9f1c3e5a7b9d2f4e6a8c0b2d4f6e8a1c3e5b7d9f0a2c4e");
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        // A challenge is single-use: no cache may hand the same one to two clients.
        HttpContext.Response.Headers.CacheControl = "no-store";
        var provider = options.Value.ProviderName;
        if (provider != HumanCheckOptions.Altcha)
        {
            await Send.ResultAsync(Problem.Of(
                HttpContext,
                StatusCodes.Status404NotFound,
                ProblemCodes.NotFound,
                ProblemTexts.NoAltchaHere.With("provider", provider)));
            return;
        }

        // Each challenge costs an HMAC and a key derivation: a budget per client keeps that bounded.
        if (await limiter.ExceededAsync(RateLimitPolicy.ChallengePerClient, ClientAddress.Of(HttpContext)) is { } wait)
        {
            await Send.ResultAsync(Problem.RateLimited(HttpContext, wait, ProblemTexts.TooManyChallenges));
            return;
        }

        var challenge = HttpContext.RequestServices.GetRequiredService<AltchaChallengeIssuer>().Create();
        await Send.OkAsync(AltchaChallengeResponse.From(challenge), ct);
    }
}

using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Reset.Api.Features.HumanCheck.Challenge;
using Reset.Infrastructure.HumanCheck;
using Reset.Infrastructure.Redis;

namespace Reset.Tests.HumanCheck;

/// <summary>
/// Interoperability with the reference: the real altcha-lib npm package (run by node) solves the
/// service's challenges, builds the widget's payload, and checks the service's signatures with its
/// own verifySolution; the service's verifier takes the payload once.
/// </summary>
public sealed class AltchaReferenceLibraryTests(AltchaApp app) : IClassFixture<AltchaApp>
{
    [Fact]
    public async Task Payload_solved_by_altcha_lib_passes_once()
    {
        var challenge = await app.CreateClient().GetStringAsync(
            new Uri("/api/v1/human-check/challenge", UriKind.Relative), TestContext.Current.CancellationToken);
        var solved = await AltchaReferenceSolver.SolveAsync(challenge, AltchaApp.Secret);
        var verifier = app.Services.GetRequiredService<IHumanCheckVerifier>();

        var first = await verifier.VerifyAsync(solved.Payload, "127.0.0.1", TestContext.Current.CancellationToken);
        var replay = await verifier.VerifyAsync(solved.Payload, "127.0.0.1", TestContext.Current.CancellationToken);

        solved.ReferenceVerified.ShouldBe(true, "altcha-lib's verifySolution must accept the service's challenge signature and key signature");
        first.ShouldBe(HumanCheckResult.Pass());
        replay.ShouldBe(HumanCheckResult.Fail("challenge already used"));
    }

    [Fact]
    public async Task Payload_of_a_challenge_at_the_default_difficulty_solved_by_altcha_lib_passes()
    {
        // The defaults, not the test fixture's low difficulty: what customers' browsers solve.
        var options = AltchaTokens.Options(AltchaApp.Secret, new AltchaOptions().Cost, new AltchaOptions().MaxCounter);
        var challenge = new AltchaChallengeIssuer(options, TimeProvider.System).Create();
        var json = JsonSerializer.Serialize(AltchaChallengeResponse.From(challenge), JsonSerializerOptions.Web);
        var verifier = new AltchaVerifier(options, app.Services.GetRequiredService<ResilientRedis>(), TimeProvider.System);

        var solved = await AltchaReferenceSolver.SolveAsync(json, AltchaApp.Secret);
        var result = await verifier.VerifyAsync(solved.Payload, null, TestContext.Current.CancellationToken);

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"altcha-lib solved counter {solved.Counter} at cost {challenge.Parameters.Cost} in {solved.SolveMilliseconds} ms on one thread.");
        solved.ReferenceVerified.ShouldBe(true);
        result.ShouldBe(HumanCheckResult.Pass());
    }
}

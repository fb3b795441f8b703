using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Reset.Infrastructure.HumanCheck;

namespace Reset.Tests.HumanCheck;

/// <summary>Challenges, solutions and widget payloads for the verifier tests, built the way the altcha widget builds them.</summary>
internal static class AltchaTokens
{
    public static IOptions<HumanCheckOptions> Options(string secret, int cost = 10, int maxCounter = 50, TimeSpan? lifetime = null) =>
        Microsoft.Extensions.Options.Options.Create(new HumanCheckOptions
        {
            Provider = HumanCheckOptions.Altcha,
            Secret = secret,
            ProofOfWork = { Cost = cost, MaxCounter = maxCounter, ChallengeLifetime = lifetime ?? TimeSpan.FromMinutes(10) },
        });

    /// <summary>What the widget does: counters from 0 up until the derived key starts with the prefix.</summary>
    public static (uint Counter, string DerivedKey) Solve(AltchaParameters parameters)
    {
        var nonce = Convert.FromHexString(parameters.Nonce);
        var salt = Convert.FromHexString(parameters.Salt);
        for (uint counter = 0; ; counter++)
        {
            var key = Convert.ToHexStringLower(AltchaProtocol.DeriveKey(nonce, salt, counter, parameters.Cost, parameters.KeyLength));
            if (key.StartsWith(parameters.KeyPrefix, StringComparison.Ordinal))
            {
                return (counter, key);
            }
        }
    }

    /// <summary>The widget's payload before base64: {challenge: {parameters, signature}, solution: {counter, derivedKey, time}}.</summary>
    public static JsonObject Payload(AltchaChallenge challenge, uint counter, string derivedKey) => new()
    {
        ["challenge"] = new JsonObject
        {
            ["parameters"] = Parameters(challenge.Parameters),
            ["signature"] = challenge.Signature,
        },
        ["solution"] = new JsonObject
        {
            ["counter"] = counter,
            ["derivedKey"] = derivedKey,
            ["time"] = 12.3,
        },
    };

    public static JsonObject SolvedPayload(AltchaChallenge challenge)
    {
        var (counter, key) = Solve(challenge.Parameters);
        return Payload(challenge, counter, key);
    }

    /// <summary>What the widget sends after solving a challenge the service served (GET /api/v1/human-check/challenge).</summary>
    public static string TokenFor(JsonElement served) =>
        Encode(SolvedPayload(served.Deserialize<AltchaChallenge>(JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The service served no challenge.")));

    public static string Encode(JsonNode payload) => Convert.ToBase64String(Encoding.UTF8.GetBytes(payload.ToJsonString()));

    public static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    /// <summary>A challenge without a key signature (the reference's non-deterministic mode), signed with <paramref name="secret"/>.</summary>
    public static AltchaChallenge Unkeyed(string secret, string keyPrefix, DateTimeOffset expiresAt, int cost = 10)
    {
        var parameters = new AltchaParameters(
            AltchaProtocol.Algorithm, cost, expiresAt.ToUnixTimeSeconds(), AltchaProtocol.KeyLength, keyPrefix, null,
            Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)),
            Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
        return new AltchaChallenge(parameters, AltchaProtocol.Sign(parameters, AltchaProtocol.SignatureKey(secret)));
    }

    private static JsonObject Parameters(AltchaParameters p)
    {
        var json = new JsonObject
        {
            ["algorithm"] = p.Algorithm,
            ["cost"] = p.Cost,
        };
        if (p.ExpiresAt is { } expiresAt)
        {
            json["expiresAt"] = expiresAt;
        }

        json["keyLength"] = p.KeyLength;
        json["keyPrefix"] = p.KeyPrefix;
        if (p.KeySignature is { } keySignature)
        {
            json["keySignature"] = keySignature;
        }

        json["nonce"] = p.Nonce;
        json["salt"] = p.Salt;
        return json;
    }
}

/// <summary>A clock that reads what the test says.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

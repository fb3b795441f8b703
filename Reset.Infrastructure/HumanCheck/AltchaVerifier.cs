using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Reset.Infrastructure.Redis;
using StackExchange.Redis;

namespace Reset.Infrastructure.HumanCheck;

/// <summary>
/// Verifies the altcha widget's payload against a challenge this service signed: the signature over
/// the canonical parameters, the expiry, the key prefix (also where the JavaScript reference's
/// re-derivation path forgot it), the key signature or the re-derived key, and that the challenge
/// is used once (Redis SET NX until it expires). Fails closed: when Redis does not answer it throws
/// <see cref="HumanCheckUnavailableException"/>.
/// </summary>
internal sealed class AltchaVerifier : IHumanCheckVerifier
{
    private readonly ResilientRedis _redis;
    private readonly TimeProvider _time;
    private readonly byte[] _signatureKey;
    private readonly byte[] _keySignatureKey;

    public AltchaVerifier(IOptions<HumanCheckOptions> options, ResilientRedis redis, TimeProvider time)
    {
        var secret = options.Value.Secret;
        if (string.IsNullOrEmpty(secret))
        {
            throw new InvalidOperationException("HumanCheck:Secret is missing: ALTCHA payloads cannot be verified.");
        }

        _redis = redis;
        _time = time;
        _signatureKey = AltchaProtocol.SignatureKey(secret);
        _keySignatureKey = AltchaProtocol.KeySignatureKey(secret);
    }

    /// <summary>The replay guard's key: one hash slot per challenge, so Redis Cluster spreads them.</summary>
    public static RedisKey ReplayKey(string nonce) => $"hc:altcha:{{{nonce}}}";

    public async Task<HumanCheckResult> VerifyAsync(string token, string? clientIp, CancellationToken cancellationToken)
    {
        if (!AltchaPayload.TryParse(token, out var payload, out var reason))
        {
            return HumanCheckResult.Fail(reason);
        }

        var parameters = payload.Challenge.Parameters;
        if (!HexEquals(AltchaProtocol.Sign(parameters, _signatureKey), payload.Challenge.Signature))
        {
            return HumanCheckResult.Fail("challenge signature does not match its parameters");
        }

        if (parameters.ExpiresAt is not { } expiresAt)
        {
            return HumanCheckResult.Fail("challenge has no expiry");
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(expiresAt);
        var now = _time.GetUtcNow();
        if (now > expires)
        {
            return HumanCheckResult.Fail("challenge expired");
        }

        if (!AltchaProtocol.StartsWithPrefix(payload.DerivedKey, parameters.KeyPrefix))
        {
            return HumanCheckResult.Fail("derived key does not start with the key prefix");
        }

        var derivedKey = Convert.FromHexString(payload.DerivedKey);
        if (parameters.KeySignature is { } keySignature)
        {
            // Deterministic mode (what this service issues): the key signature names the one key that solves it.
            if (!HexEquals(AltchaProtocol.SignKey(derivedKey, _keySignatureKey), keySignature))
            {
                return HumanCheckResult.Fail("derived key does not match the key signature");
            }

            return await UseOnceAsync(parameters.Nonce, expires - now)
                ? HumanCheckResult.Pass()
                : HumanCheckResult.Fail("challenge already used");
        }

        // No key signature: the key must be re-derived from the counter. The challenge is used up
        // first, so each one costs this service at most one derivation, however often it is sent.
        if (!await UseOnceAsync(parameters.Nonce, expires - now))
        {
            return HumanCheckResult.Fail("challenge already used");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var expected = AltchaProtocol.DeriveKey(
            Convert.FromHexString(parameters.Nonce), Convert.FromHexString(parameters.Salt), payload.Counter, parameters.Cost, parameters.KeyLength);
        return CryptographicOperations.FixedTimeEquals(expected, derivedKey)
            ? HumanCheckResult.Pass()
            : HumanCheckResult.Fail("derived key is not the counter's key");
    }

    /// <summary>SET NX until the challenge expires (rounded up to the next second): true the first time only.</summary>
    private async Task<bool> UseOnceAsync(string nonce, TimeSpan untilExpiry)
    {
        var ttl = TimeSpan.FromSeconds(Math.Ceiling(untilExpiry.TotalSeconds) + 1);
        try
        {
            return await _redis.AtMostOnceAsync(db => db.StringSetAsync(ReplayKey(nonce), 1, ttl, When.NotExists));
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or Polly.ExecutionRejectedException)
        {
            throw new HumanCheckUnavailableException("Redis did not answer the ALTCHA replay check.", exception);
        }
    }

    /// <summary>Compares two lowercase hex strings of HMACs in constant time.</summary>
    private static bool HexEquals(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Convert.FromHexString(expected), Convert.FromHexString(actual));
}

using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Reset.Infrastructure.HumanCheck;

/// <summary>
/// Issues ALTCHA challenges in deterministic mode: the service draws the counter, derives its key
/// once, and asks for a key starting with that key's first half, signed (keySignature) so that
/// <see cref="AltchaVerifier"/> checks a solution with two HMACs and no derivation. Every customer
/// gets a solve time between nothing and MaxCounter + 1 derivations, never more.
/// </summary>
public sealed class AltchaChallengeIssuer
{
    private readonly AltchaOptions _settings;
    private readonly TimeProvider _time;
    private readonly byte[] _signatureKey;
    private readonly byte[] _keySignatureKey;

    public AltchaChallengeIssuer(IOptions<HumanCheckOptions> options, TimeProvider time)
    {
        var secret = options.Value.Secret;
        if (string.IsNullOrEmpty(secret))
        {
            throw new InvalidOperationException("HumanCheck:Secret is missing: ALTCHA challenges cannot be signed.");
        }

        _settings = options.Value.ProofOfWork;
        _time = time;
        _signatureKey = AltchaProtocol.SignatureKey(secret);
        _keySignatureKey = AltchaProtocol.KeySignatureKey(secret);
    }

    public AltchaChallenge Create()
    {
        var nonce = RandomNumberGenerator.GetBytes(16);
        var salt = RandomNumberGenerator.GetBytes(16);
        var counter = (uint)RandomNumberGenerator.GetInt32(0, _settings.MaxCounter + 1);
        var key = AltchaProtocol.DeriveKey(nonce, salt, counter, _settings.Cost, AltchaProtocol.KeyLength);

        var parameters = new AltchaParameters(
            AltchaProtocol.Algorithm,
            _settings.Cost,
            (_time.GetUtcNow() + _settings.ChallengeLifetime).ToUnixTimeSeconds(),
            AltchaProtocol.KeyLength,
            Convert.ToHexStringLower(key.AsSpan(0, AltchaProtocol.KeyPrefixLength)),
            AltchaProtocol.SignKey(key, _keySignatureKey),
            Convert.ToHexStringLower(nonce),
            Convert.ToHexStringLower(salt));
        return new AltchaChallenge(parameters, AltchaProtocol.Sign(parameters, _signatureKey));
    }
}

using Reset.Infrastructure.HumanCheck;

namespace Reset.Api.Features.HumanCheck.Challenge;

/// <summary>An ALTCHA challenge, protocol v2, in the form the altcha widget 3.x fetches; the widget passes the parameters back untouched in its payload.</summary>
/// <param name="Signature">Hex HMAC-SHA256 over the parameters' canonical JSON.</param>
public sealed record AltchaChallengeResponse(AltchaChallengeParameters Parameters, string Signature)
{
    public static AltchaChallengeResponse From(AltchaChallenge challenge)
    {
        var p = challenge.Parameters;
        return new AltchaChallengeResponse(
            new AltchaChallengeParameters(
                p.Algorithm,
                p.Cost,
                p.ExpiresAt ?? throw new InvalidOperationException("Issued ALTCHA challenges always expire."),
                p.KeyLength,
                p.KeyPrefix,
                p.KeySignature ?? throw new InvalidOperationException("Issued ALTCHA challenges always carry a key signature."),
                p.Nonce,
                p.Salt),
            challenge.Signature);
    }
}

/// <summary>The challenge parameters, in the sorted order the signature covers them.</summary>
/// <param name="Algorithm">PBKDF2/SHA-256.</param>
/// <param name="Cost">PBKDF2 iterations per attempt.</param>
/// <param name="ExpiresAt">Unix time in seconds; the solved payload is refused after it.</param>
/// <param name="KeyLength">Derived key length in bytes.</param>
/// <param name="KeyPrefix">Hex the derived key must start with.</param>
/// <param name="KeySignature">Hex HMAC of the one derived key that solves the challenge.</param>
/// <param name="Nonce">Hex; the PBKDF2 password is its bytes followed by the counter as a big-endian uint32.</param>
/// <param name="Salt">Hex; the PBKDF2 salt is its bytes.</param>
public sealed record AltchaChallengeParameters(
    string Algorithm,
    int Cost,
    long ExpiresAt,
    int KeyLength,
    string KeyPrefix,
    string KeySignature,
    string Nonce,
    string Salt);

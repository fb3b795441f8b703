namespace Reset.Infrastructure.HumanCheck;

/// <summary>An ALTCHA v2 challenge: the parameters and the HMAC signature over their canonical JSON.</summary>
public sealed record AltchaChallenge(AltchaParameters Parameters, string Signature);

/// <summary>
/// The challenge parameters of ALTCHA protocol v2, as far as this service uses them (PBKDF2/SHA-256,
/// no data). Members in the sorted order the reference signs them in.
/// </summary>
/// <param name="Algorithm">Always PBKDF2/SHA-256.</param>
/// <param name="Cost">PBKDF2 iterations per attempt.</param>
/// <param name="ExpiresAt">Unix time in seconds after which the challenge is refused. Optional in the protocol; this service always sets it and refuses challenges without it.</param>
/// <param name="KeyLength">Derived key length in bytes.</param>
/// <param name="KeyPrefix">Lowercase hex the derived key must start with.</param>
/// <param name="KeySignature">Deterministic mode: hex HMAC of the one key that solves the challenge.</param>
/// <param name="Nonce">Lowercase hex; the password is its bytes followed by the counter.</param>
/// <param name="Salt">Lowercase hex; the PBKDF2 salt is its bytes.</param>
public sealed record AltchaParameters(
    string Algorithm,
    int Cost,
    long? ExpiresAt,
    int KeyLength,
    string KeyPrefix,
    string? KeySignature,
    string Nonce,
    string Salt);

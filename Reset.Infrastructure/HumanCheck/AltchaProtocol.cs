using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Reset.Infrastructure.HumanCheck;

/// <summary>
/// The formulas of ALTCHA proof of work, protocol v2, as the altcha widget 3.x and the altcha-lib
/// 2.x reference compute them, for the one algorithm this service issues: PBKDF2/SHA-256. Hex is
/// lowercase everywhere, as the reference writes it.
/// </summary>
internal static class AltchaProtocol
{
    public const string Algorithm = "PBKDF2/SHA-256";

    /// <summary>Derived key length in bytes: the reference's default.</summary>
    public const int KeyLength = 32;

    /// <summary>In deterministic mode the key prefix is the first half of the key: the reference's default.</summary>
    public const int KeyPrefixLength = KeyLength / 2;

    /// <summary>
    /// key = PBKDF2-HMAC-SHA256(password = nonce bytes ‖ counter as a big-endian uint32,
    /// salt = salt bytes, iterations = cost, length = keyLength).
    /// </summary>
    public static byte[] DeriveKey(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> salt, uint counter, int cost, int keyLength)
    {
        var password = new byte[nonce.Length + sizeof(uint)];
        nonce.CopyTo(password);
        BinaryPrimitives.WriteUInt32BigEndian(password.AsSpan(nonce.Length), counter);
        return Rfc2898DeriveBytes.Pbkdf2(password, salt, cost, HashAlgorithmName.SHA256, keyLength);
    }

    /// <summary>signature = hex(HMAC-SHA256(key = the secret's UTF-8 bytes, message = UTF-8 of <see cref="CanonicalJson"/>)).</summary>
    public static string Sign(AltchaParameters parameters, ReadOnlySpan<byte> signatureKey) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(signatureKey, Encoding.UTF8.GetBytes(CanonicalJson(parameters))));

    /// <summary>keySignature = hex(HMAC-SHA256(key = the key-signature secret, message = the derived key's bytes)).</summary>
    public static string SignKey(ReadOnlySpan<byte> derivedKey, ReadOnlySpan<byte> keySignatureKey) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(keySignatureKey, derivedKey));

    /// <summary>The HMAC key of challenge signatures: the configured secret's UTF-8 bytes.</summary>
    public static byte[] SignatureKey(string secret) => Encoding.UTF8.GetBytes(secret);

    /// <summary>
    /// The HMAC key of key signatures, derived from the one configured secret the way altcha-lib's
    /// deriveHmacKeySecret does: the UTF-8 bytes of hex(HMAC-SHA256(key = "derived-secret", message = secret)).
    /// </summary>
    public static byte[] KeySignatureKey(string secret) =>
        Encoding.ASCII.GetBytes(Convert.ToHexStringLower(HMACSHA256.HashData("derived-secret"u8, Encoding.UTF8.GetBytes(secret))));

    /// <summary>
    /// What the signature covers: altcha-lib's canonicalJSON, i.e. JSON.stringify of the parameters
    /// with keys in code-unit order, no whitespace, absent members left out. Written by hand, and
    /// exact, because every string here is lowercase hex or <see cref="Algorithm"/> (which
    /// JSON.stringify writes unescaped) and every number an integer; <see cref="AltchaPayload"/>
    /// refuses anything else, including members this service never issues (data, memoryCost, …).
    /// </summary>
    public static string CanonicalJson(AltchaParameters parameters)
    {
        var json = new StringBuilder(320).Append('{');
        Member(json, "algorithm", Quoted(parameters.Algorithm));
        Member(json, "cost", Number(parameters.Cost));
        if (parameters.ExpiresAt is { } expiresAt)
        {
            Member(json, "expiresAt", Number(expiresAt));
        }

        Member(json, "keyLength", Number(parameters.KeyLength));
        Member(json, "keyPrefix", Quoted(parameters.KeyPrefix));
        if (parameters.KeySignature is { } keySignature)
        {
            Member(json, "keySignature", Quoted(keySignature));
        }

        Member(json, "nonce", Quoted(parameters.Nonce));
        Member(json, "salt", Quoted(parameters.Salt));
        return json.Append('}').ToString();
    }

    /// <summary>Solved when the derived key's hex starts with the prefix (an odd-length prefix compares by hex digit, as the reference does).</summary>
    public static bool StartsWithPrefix(string derivedKeyHex, string keyPrefix) =>
        derivedKeyHex.StartsWith(keyPrefix, StringComparison.Ordinal);

    private static void Member(StringBuilder json, string name, string value)
    {
        if (json.Length > 1)
        {
            json.Append(',');
        }

        json.Append('"').Append(name).Append("\":").Append(value);
    }

    private static string Quoted(string value) => "\"" + value + "\"";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}

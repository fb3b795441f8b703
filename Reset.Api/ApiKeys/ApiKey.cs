using System.Security.Cryptography;
using System.Text;

namespace Reset.Api.ApiKeys;

/// <summary>
/// Internal API keys: "rsk_" and 32 random bytes in base64url. With 256 bits of entropy a plain
/// SHA-256 is the right stored form (a slow password hash buys nothing against guessing a random
/// key, and would cost on every call); configuration holds only that hash, in hex.
/// </summary>
public static class ApiKey
{
    /// <summary>The authentication scheme the internal endpoints require.</summary>
    public const string Scheme = "ApiKey";

    public const string Prefix = "rsk_";

    public static string New() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The SHA-256 of the key's UTF-8 bytes, 64 lower-case hex digits: what configuration holds.</summary>
    public static string HashOf(string key) => Convert.ToHexStringLower(Digest(key));

    public static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Reset.Infrastructure.Configuration;

namespace Reset.Infrastructure.Security;

/// <summary>
/// Keyed HMAC-SHA256 under Secrets:HmacKey. Codes and reset tokens are stored only as these MACs,
/// bound to their ticket, so a copy of Redis gives an attacker nothing to type. Account keys are
/// MACs too, so Redis key names reveal no e-mail address.
/// </summary>
public sealed class SecretHmac(IOptions<SecretsOptions> secrets)
{
    private readonly byte[] _key = secrets.Value.HmacKeyBytes();

    public string Code(string ticketId, string code) => Mac("code", ticketId, code);

    public string Token(string ticketId, string token) => Mac("token", ticketId, token);

    /// <summary>A short stable name for an account's counters (96 bits: collisions are not a concern).</summary>
    public string AccountKey(string accountKey) => Mac("account", accountKey, string.Empty)[..24];

    /// <summary>A short stable name for a rate-limit subject (a client address, a login, an e-mail address).</summary>
    public string Subject(string kind, string value) => Mac("subject", kind, value)[..24];

    /// <summary>A 256-bit key for one purpose and one value, e.g. to encrypt what only that value's holder may read.</summary>
    public byte[] DeriveKey(string purpose, string value) =>
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("key\n" + purpose + "\n" + value));

    private string Mac(string purpose, string scope, string secret)
    {
        // Purpose and scope in the input keep a MAC of one kind from being replayed as another.
        var input = Encoding.UTF8.GetBytes(purpose + "\n" + scope + "\n" + secret);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, input));
    }
}

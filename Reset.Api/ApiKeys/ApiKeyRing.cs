using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Reset.Api.ApiKeys;

/// <summary>The configured keys, by the SHA-256 of each; finds the one a caller presents.</summary>
public sealed class ApiKeyRing(IOptions<InternalApiOptions> options)
{
    private readonly IReadOnlyList<KnownKey> _keys =
        [.. options.Value.Keys.Select(k => new KnownKey(k.Id!, Convert.FromHexString(k.Hash!), [.. k.Scopes.Distinct()]))];

    public bool IsEmpty => _keys.Count == 0;

    /// <summary>
    /// The key whose hash matches, or null. Every configured hash is compared, in constant time, and
    /// the loop never stops early: the answer's timing says nothing about how close a guess came or
    /// which key it resembled.
    /// </summary>
    public KnownKey? Find(string presented)
    {
        var digest = ApiKey.Digest(presented);
        KnownKey? found = null;
        foreach (var key in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(digest, key.Hash))
            {
                found = key;
            }
        }

        return found;
    }
}

public sealed record KnownKey(string Id, byte[] Hash, IReadOnlyList<string> Scopes);

using System.Security.Cryptography;
using System.Text.Json;
using Reset.Infrastructure.Security;
using StackExchange.Redis;

namespace Reset.Infrastructure.Redis;

/// <summary>
/// Remembers the first answer to a request sent with an Idempotency-Key, as long as the caller says
/// (the API keeps it no longer than the ticket it concerns). The stored
/// answer is encrypted (AES-GCM) under a key derived from the Idempotency-Key itself, which only the
/// client holds: a copy of Redis cannot reveal a reset token that a verification answer carried.
/// </summary>
public sealed class IdempotencyStore(ResilientRedis redis, SecretHmac hmac)
{
    /// <summary>
    /// How long a claim whose request has not answered yet holds the key. Longer than a request can
    /// take (each dependency call is bounded to a few seconds); short, because a claim can be left
    /// behind: its SET reached Redis but the reply was lost, or the instance died mid-request. Were a
    /// slow request to outlive it, a retry would run beside it; every endpoint is safe against that
    /// (a code and a token are taken atomically), it only loses the replay.
    /// </summary>
    public static readonly TimeSpan PendingLifetime = TimeSpan.FromSeconds(20);

    /// <summary>Claims the key for a first run; false when an earlier request holds it.</summary>
    public async Task<bool> TryClaimAsync(string scope, string idempotencyKey, byte[] requestHash) =>
        await redis.AtMostOnceAsync(db => db.StringSetAsync(Key(scope, idempotencyKey),
            JsonSerializer.Serialize(new Record(Convert.ToHexString(requestHash), null)), PendingLifetime, When.NotExists));

    public async Task<(IdempotencyState State, StoredAnswer? Answer)> ReadStateAsync(string scope, string idempotencyKey, byte[] requestHash)
    {
        var value = await redis.RepeatableAsync(db => db.StringGetAsync(Key(scope, idempotencyKey)));
        if (!value.HasValue)
        {
            return (IdempotencyState.Gone, null);
        }

        var record = JsonSerializer.Deserialize<Record>(value.ToString())!;
        if (!CryptographicOperations.FixedTimeEquals(Convert.FromHexString(record.RequestHash), requestHash))
        {
            return (IdempotencyState.OtherRequest, null);
        }

        if (record.Sealed is null)
        {
            return (IdempotencyState.Pending, null);
        }

        var plain = Open(idempotencyKey, Convert.FromBase64String(record.Sealed));
        return (IdempotencyState.Answered, JsonSerializer.Deserialize<StoredAnswer>(plain)!);
    }

    public async Task StoreAsync(string scope, string idempotencyKey, byte[] requestHash, StoredAnswer answer, TimeSpan lifetime)
    {
        var sealedAnswer = Convert.ToBase64String(Seal(idempotencyKey, JsonSerializer.SerializeToUtf8Bytes(answer)));
        await redis.RepeatableAsync(db => db.StringSetAsync(Key(scope, idempotencyKey),
            JsonSerializer.Serialize(new Record(Convert.ToHexString(requestHash), sealedAnswer)), lifetime));
    }

    /// <summary>Lets a retry run again: the first attempt failed in a way worth retrying (5xx).</summary>
    public Task ReleaseAsync(string scope, string idempotencyKey) => redis.RepeatableAsync(db => db.KeyDeleteAsync(Key(scope, idempotencyKey)));

    private string Key(string scope, string idempotencyKey) => $"idem:{{{hmac.Subject("idempotency:" + scope, idempotencyKey)}}}";

    private byte[] Seal(string idempotencyKey, byte[] plain)
    {
        using var aes = new AesGcm(EncryptionKey(idempotencyKey), AesGcm.TagByteSizes.MaxSize);
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var cipher = new byte[plain.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        aes.Encrypt(nonce, plain, cipher, tag);
        return [.. nonce, .. tag, .. cipher];
    }

    private byte[] Open(string idempotencyKey, byte[] sealedBytes)
    {
        using var aes = new AesGcm(EncryptionKey(idempotencyKey), AesGcm.TagByteSizes.MaxSize);
        var nonce = sealedBytes[..AesGcm.NonceByteSizes.MaxSize];
        var tag = sealedBytes[AesGcm.NonceByteSizes.MaxSize..(AesGcm.NonceByteSizes.MaxSize + AesGcm.TagByteSizes.MaxSize)];
        var cipher = sealedBytes[(AesGcm.NonceByteSizes.MaxSize + AesGcm.TagByteSizes.MaxSize)..];
        var plain = new byte[cipher.Length];
        aes.Decrypt(nonce, cipher, tag, plain);
        return plain;
    }

    private byte[] EncryptionKey(string idempotencyKey) => hmac.DeriveKey("idempotency-encryption", idempotencyKey);

    private sealed record Record(string RequestHash, string? Sealed);
}

public enum IdempotencyState
{
    Gone,
    Pending,
    OtherRequest,
    Answered,
}

/// <summary>What is replayed: status, the headers that matter, and the body.</summary>
public sealed record StoredAnswer(int Status, string? ContentType, string? Location, string? RetryAfter, byte[] Body);

using System.Text;
using Geralt;
using Microsoft.Extensions.Options;
using Reset.Domain.Passwords;

namespace Reset.Infrastructure.Hashing;

/// <summary>
/// Argon2id through libsodium, stored as the standard PHC string
/// (<c>$argon2id$v=19$m=19456,t=2,p=1$salt$hash</c>) that any Argon2 library can verify.
/// Hashes run on <see cref="PasswordHashingOptions.MaxConcurrency"/> threads of their own (see <see cref="HashingThreads"/>),
/// each holding its m from <see cref="PasswordHashingOptions.MaxMemoryMiB"/>: the service's own m to hash, the stored
/// hash's m to verify. A stored hash whose m exceeds the whole budget is not computed: it does not match.
/// </summary>
internal sealed class Argon2idPasswordHasher(IOptions<PasswordHashingOptions> options) : IPasswordHasher, IDisposable
{
    private readonly PasswordHashingOptions _options = options.Value;
    private readonly HashingThreads _threads = new(options.Value.MaxConcurrency, options.Value.MaxMemoryKiB);
    private long _hashed;
    private long _verified;

    /// <summary>Argon2id hashes computed so far (what a password change costs shows here).</summary>
    internal long Hashed => Interlocked.Read(ref _hashed);

    /// <summary>Stored hashes verified so far.</summary>
    internal long Verified => Interlocked.Read(ref _verified);

    public Task<string> HashAsync(string password, CancellationToken cancellationToken = default) =>
        _threads.RunAsync(() =>
        {
            Interlocked.Increment(ref _hashed);
            return Hash(password);
        }, _options.MemoryKiB, cancellationToken);

    public Task<bool> VerifyAsync(string hash, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hash);
        // Unreadable parameters fail in Verify without computing anything.
        var memoryKiB = Argon2idPhc.MemoryKiBOf(hash) ?? 0;
        return memoryKiB > _options.MaxMemoryKiB
            ? Task.FromResult(false)
            : _threads.RunAsync(() =>
            {
                Interlocked.Increment(ref _verified);
                return Verify(hash, password);
            }, memoryKiB, cancellationToken);
    }

    /// <summary>KiB the hashes running now hold.</summary>
    internal long MemoryInUseKiB => _threads.MemoryInUseKiB;

    public void Dispose() => _threads.Dispose();

    private string Hash(string password)
    {
        // libsodium writes the PHC string and pads the rest of the buffer with NULs.
        Span<char> encoded = stackalloc char[Argon2id.HashSize];
        Argon2id.ComputeHash(encoded, Encoding.UTF8.GetBytes(password), _options.Iterations, _options.MemoryKiB * 1024);
        var end = encoded.IndexOf('\0');
        return new string(end < 0 ? encoded : encoded[..end]);
    }

    private static bool Verify(string hash, string password)
    {
        // Anything that is not an Argon2id PHC string (another scheme, a truncated value) simply
        // does not match; libsodium would throw on it.
        if (!hash.StartsWith("$argon2id$", StringComparison.Ordinal) || hash.Length is < MinEncodedLength or > Argon2id.HashSize)
        {
            return false;
        }

        try
        {
            return Argon2id.VerifyHash(hash, Encoding.UTF8.GetBytes(password));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private const int MinEncodedLength = 45;
}

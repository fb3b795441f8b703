using System.Globalization;

namespace Reset.Infrastructure.Hashing;

/// <summary>
/// Checks a password hash the shop hands over: an Argon2id PHC string
/// (<c>$argon2id$v=19$m=…,t=…,p=…$salt$hash</c>, unpadded base64) that this service's hasher can
/// verify, at a cost it can bear: no more than <see cref="PasswordHashingOptions.MaxImportedMemoryKiB"/>,
/// <see cref="PasswordHashingOptions.MaxImportedIterations"/> and <see cref="PasswordHashingOptions.MaxImportedParallelism"/>.
/// Any parameters in those bounds verify with their own values.
/// </summary>
public static class Argon2idPhc
{
    /// <summary>libsodium's limit for an encoded hash (crypto_pwhash_STRBYTES).</summary>
    public const int MaxLength = 128;

    /// <summary>The ceilings the configured import limits may be raised to (256 MiB, t=16, p=16).</summary>
    public const int MaxMemoryKiB = 256 * 1024;

    public const int MaxIterations = 16;
    public const int MaxParallelism = 16;

    /// <summary>Null when the hash is acceptable; else what is wrong with it, never quoting it.</summary>
    public static string? FindProblem(string? phc, PasswordHashingOptions limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (string.IsNullOrEmpty(phc) || !phc.StartsWith("$argon2id$", StringComparison.Ordinal))
        {
            return "must be an Argon2id PHC string: $argon2id$v=19$m=…,t=…,p=…$salt$hash.";
        }

        if (phc.Length > MaxLength)
        {
            return $"must be at most {MaxLength} characters.";
        }

        var parts = phc.Split('$');
        if (parts.Length != 6 || parts[2] != "v=19")
        {
            return "must have the form $argon2id$v=19$m=…,t=…,p=…$salt$hash (Argon2 version 19).";
        }

        if (ReadParameters(parts[3]) is not var (memory, iterations, parallelism))
        {
            return "must give its parameters as m=<KiB>,t=<iterations>,p=<lanes>.";
        }

        if (memory > limits.MaxImportedMemoryKiB || iterations > limits.MaxImportedIterations || parallelism > limits.MaxImportedParallelism)
        {
            return $"costs more than this service verifies: at most m={limits.MaxImportedMemoryKiB}, t={limits.MaxImportedIterations}, p={limits.MaxImportedParallelism}.";
        }

        if (parallelism < 1 || iterations < 1 || memory < 8 * parallelism)
        {
            return "has parameters Argon2 does not allow (t ≥ 1, p ≥ 1, m ≥ 8·p).";
        }

        if (DecodedLength(parts[4]) is not (>= 8 and <= 64))
        {
            return "must have a salt of 8 to 64 bytes in unpadded base64.";
        }

        if (DecodedLength(parts[5]) is not (>= 16 and <= 64))
        {
            return "must have a hash of 16 to 64 bytes in unpadded base64.";
        }

        return null;
    }

    /// <summary>The m (KiB) of an Argon2id PHC string, or null when it does not give one.</summary>
    public static long? MemoryKiBOf(string phc)
    {
        ArgumentNullException.ThrowIfNull(phc);
        var parts = phc.Split('$');
        return parts.Length == 6 && ReadParameters(parts[3]) is var (memory, _, _) ? memory : null;
    }

    private static (long Memory, long Iterations, long Parallelism)? ReadParameters(string text)
    {
        var pairs = text.Split(',');
        if (pairs.Length != 3 || !pairs[0].StartsWith("m=", StringComparison.Ordinal) || !pairs[1].StartsWith("t=", StringComparison.Ordinal)
            || !pairs[2].StartsWith("p=", StringComparison.Ordinal))
        {
            return null;
        }

        return Number(pairs[0][2..]) is { } m && Number(pairs[1][2..]) is { } t && Number(pairs[2][2..]) is { } p ? (m, t, p) : null;
    }

    private static long? Number(string digits) =>
        digits.Length is > 0 and <= 10 && digits.All(char.IsAsciiDigit) && (digits.Length == 1 || digits[0] != '0')
            ? long.Parse(digits, CultureInfo.InvariantCulture)
            : null;

    private static int? DecodedLength(string unpadded)
    {
        if (unpadded.Length == 0 || unpadded.Length % 4 == 1 || unpadded.Contains('='))
        {
            return null;
        }

        var padded = unpadded + new string('=', (4 - (unpadded.Length % 4)) % 4);
        var bytes = new byte[padded.Length];
        return Convert.TryFromBase64String(padded, bytes, out var written) ? written : null;
    }
}

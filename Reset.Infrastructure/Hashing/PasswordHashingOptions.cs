using Microsoft.Extensions.Options;
using Reset.Infrastructure.Configuration;

namespace Reset.Infrastructure.Hashing;

/// <summary>Argon2id cost, OWASP's first recommendation by default: m=19 MiB, t=2, p=1.</summary>
public sealed class PasswordHashingOptions
{
    public const string Section = "PasswordHashing";

    public int MemoryKiB { get; set; } = 19456;

    public int Iterations { get; set; } = 2;

    /// <summary>
    /// Hashes computed at once. Each holds MemoryKiB of memory for ~40 ms, so this bounds both the
    /// memory a burst of password changes can take and the CPU it can starve other requests of.
    /// </summary>
    public int MaxConcurrency { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// MiB that hashes running at once may hold together: a hash starts when its m fits beside the
    /// running ones. Four of the default m (19 MiB), rounded up. Bounds memory even when a stored
    /// hash has a larger m than the service's own.
    /// </summary>
    public int MaxMemoryMiB { get; set; } = 80;

    /// <summary>The largest Argon2id cost the internal API accepts in an imported PHC string.</summary>
    public int MaxImportedMemoryKiB { get; set; } = 64 * 1024;

    public int MaxImportedIterations { get; set; } = 10;

    public int MaxImportedParallelism { get; set; } = 4;

    internal long MaxMemoryKiB => MaxMemoryMiB * 1024L;
}

internal sealed class PasswordHashingOptionsValidator : IValidateOptions<PasswordHashingOptions>
{
    public ValidateOptionsResult Validate(string? name, PasswordHashingOptions options)
    {
        var failures = new List<string>();
        if (options.MemoryKiB < 8192)
        {
            failures.Add($"{Setting.Name("PasswordHashing:MemoryKiB")} must be at least 8192 (OWASP's floor is 19456 with t=2).");
        }

        if (options.Iterations is < 1 or > 16)
        {
            failures.Add($"{Setting.Name("PasswordHashing:Iterations")} must be between 1 and 16.");
        }

        if (options.MaxConcurrency is < 1 or > 256)
        {
            failures.Add($"{Setting.Name("PasswordHashing:MaxConcurrency")} must be between 1 and 256.");
        }

        if (options.MaxImportedMemoryKiB is < 8 or > Argon2idPhc.MaxMemoryKiB)
        {
            failures.Add($"{Setting.Name("PasswordHashing:MaxImportedMemoryKiB")} must be between 8 and {Argon2idPhc.MaxMemoryKiB}.");
        }

        if (options.MaxImportedIterations is < 1 or > Argon2idPhc.MaxIterations)
        {
            failures.Add($"{Setting.Name("PasswordHashing:MaxImportedIterations")} must be between 1 and {Argon2idPhc.MaxIterations}.");
        }

        if (options.MaxImportedParallelism is < 1 or > Argon2idPhc.MaxParallelism)
        {
            failures.Add($"{Setting.Name("PasswordHashing:MaxImportedParallelism")} must be between 1 and {Argon2idPhc.MaxParallelism}.");
        }

        if (options.MaxMemoryKiB < Math.Max(options.MemoryKiB, options.MaxImportedMemoryKiB) || options.MaxMemoryMiB > 64 * 1024)
        {
            failures.Add($"{Setting.Name("PasswordHashing:MaxMemoryMiB")} must hold one hash of MemoryKiB and one of MaxImportedMemoryKiB (at least {(Math.Max(options.MemoryKiB, options.MaxImportedMemoryKiB) + 1023) / 1024}), and be at most 65536.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

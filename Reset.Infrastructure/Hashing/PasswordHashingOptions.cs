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

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

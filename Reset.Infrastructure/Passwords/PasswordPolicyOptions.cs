using Microsoft.Extensions.Options;
using Reset.Domain.Passwords;
using Reset.Infrastructure.Configuration;

namespace Reset.Infrastructure.Passwords;

/// <summary>
/// The configurable numbers of <see cref="PasswordPolicy"/>, section <c>PasswordPolicy</c>; the
/// shop's name comes from <c>Shop:Name</c> (<see cref="ShopOptions"/>). Defaults are the domain's.
/// </summary>
public sealed class PasswordPolicyOptions
{
    public const string Section = "PasswordPolicy";

    /// <summary>NIST SP 800-63B: verifiers must accept passwords of at least 64 characters.</summary>
    public const int LowestMaxLength = 64;

    /// <summary>NIST SP 800-63B's floor for a password chosen by its owner.</summary>
    public const int LowestMinLength = 8;

    private static readonly PasswordPolicySettings Defaults = new();

    public int MinLength { get; set; } = Defaults.MinLength;

    public int MaxLength { get; set; } = Defaults.MaxLength;

    public int MinScore { get; set; } = Defaults.MinScore;

    public bool RequireDigit { get; set; } = Defaults.RequireDigit;

    public bool RequireUppercase { get; set; } = Defaults.RequireUppercase;

    public bool RequireLowercase { get; set; } = Defaults.RequireLowercase;

    public bool CheckBlocklist { get; set; } = Defaults.CheckBlocklist;

    public PasswordPolicySettings ToSettings(string shopName) => new()
    {
        MinLength = MinLength,
        MaxLength = MaxLength,
        MinScore = MinScore,
        RequireDigit = RequireDigit,
        RequireUppercase = RequireUppercase,
        RequireLowercase = RequireLowercase,
        CheckBlocklist = CheckBlocklist,
        ShopName = shopName,
    };
}

internal sealed class PasswordPolicyOptionsValidator : IValidateOptions<PasswordPolicyOptions>
{
    public ValidateOptionsResult Validate(string? name, PasswordPolicyOptions options)
    {
        var failures = new List<string>();
        if (options.MinLength < PasswordPolicyOptions.LowestMinLength)
        {
            failures.Add($"{Setting.Name("PasswordPolicy:MinLength")} must be at least {PasswordPolicyOptions.LowestMinLength} (NIST SP 800-63B's floor; OWASP ASVS advises 12).");
        }

        var lowestMax = Math.Max(PasswordPolicyOptions.LowestMaxLength, options.MinLength);
        if (options.MaxLength < lowestMax || options.MaxLength > PasswordPolicySettings.LargestMaxLength)
        {
            failures.Add($"{Setting.Name("PasswordPolicy:MaxLength")} must be between {lowestMax} (at least {PasswordPolicyOptions.LowestMaxLength}, and not below MinLength) and {PasswordPolicySettings.LargestMaxLength}.");
        }

        if (options.MinScore is < 0 or > PasswordPolicySettings.HighestScore)
        {
            failures.Add($"{Setting.Name("PasswordPolicy:MinScore")} must be between 0 and {PasswordPolicySettings.HighestScore} (zxcvbn's scale).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

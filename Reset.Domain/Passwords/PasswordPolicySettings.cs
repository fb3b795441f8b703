namespace Reset.Domain.Passwords;

/// <summary>
/// The numbers of the password policy. The defaults follow NIST SP 800-63B and OWASP ASVS:
/// long enough, not common, not personal, hard to guess; no composition rules unless a shop asks.
/// </summary>
public sealed record PasswordPolicySettings
{
    /// <summary>The largest <see cref="MaxLength"/> a shop may configure.</summary>
    public const int LargestMaxLength = 1024;

    /// <summary>The highest score a strength estimator gives (zxcvbn's scale is 0–4).</summary>
    public const int HighestScore = 4;

    /// <summary>Fewest code points, counted after NFKC normalisation.</summary>
    public int MinLength { get; init; } = 12;

    /// <summary>Most code points, counted after NFKC normalisation. Longer passwords are refused, never cut.</summary>
    public int MaxLength { get; init; } = 128;

    /// <summary>Lowest acceptable strength score, 0 (any) to 4 (hardest to guess).</summary>
    public int MinScore { get; init; } = 3;

    public bool RequireDigit { get; init; }

    public bool RequireUppercase { get; init; }

    public bool RequireLowercase { get; init; }

    /// <summary>The shop's name as customers see it; a password must not contain it.</summary>
    public string ShopName { get; init; } = "Example Shop";

    /// <summary>Refuse passwords on the list of common and breached passwords.</summary>
    public bool CheckBlocklist { get; init; } = true;
}

namespace Reset.Domain.Passwords;

/// <summary>One rule a password breaks: a stable <see cref="Code"/> for clients, a message for the customer.</summary>
public sealed record PasswordViolation(string Code, string Message)
{
    /// <summary>
    /// Only the caller that holds the stored hash can tell; it adds this with
    /// <see cref="PasswordEvaluation.WithViolation"/>.
    /// </summary>
    public static PasswordViolation SameAsCurrent { get; } = new(
        PasswordViolationCodes.SameAsCurrent,
        "This is your current password. Choose a new one.");
}

/// <summary>The stable, snake_case codes of <see cref="PasswordViolation"/>. Clients switch on these.</summary>
public static class PasswordViolationCodes
{
    public const string TooShort = "too_short";
    public const string TooLong = "too_long";
    public const string CommonPassword = "common_password";
    public const string ContainsLogin = "contains_login";
    public const string ContainsEmailLocalPart = "contains_email_local_part";
    public const string ContainsShopName = "contains_shop_name";
    public const string SameAsCurrent = "same_as_current";
    public const string TooWeak = "too_weak";
    public const string NeedsDigit = "needs_digit";
    public const string NeedsUppercase = "needs_uppercase";
    public const string NeedsLowercase = "needs_lowercase";
}

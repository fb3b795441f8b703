namespace Reset.Domain.Passwords;

/// <summary>One rule a password breaks: a stable <see cref="Code"/> for clients, a message for the customer.</summary>
/// <remarks>
/// No rule compares with the current password: a reset token holder could then test guesses of it,
/// and the current password offered again is simply set again, with a new salt and security stamp.
/// </remarks>
public sealed record PasswordViolation(string Code, string Message);

/// <summary>The stable, snake_case codes of <see cref="PasswordViolation"/>. Clients switch on these.</summary>
public static class PasswordViolationCodes
{
    public const string TooShort = "too_short";
    public const string TooLong = "too_long";
    public const string CommonPassword = "common_password";
    public const string ContainsLogin = "contains_login";
    public const string ContainsEmailLocalPart = "contains_email_local_part";
    public const string ContainsShopName = "contains_shop_name";
    public const string TooWeak = "too_weak";
    public const string NeedsDigit = "needs_digit";
    public const string NeedsUppercase = "needs_uppercase";
    public const string NeedsLowercase = "needs_lowercase";
}

namespace Reset.Domain.Passwords.Rules;

/// <summary>Refused rather than cut: a password that is silently truncated is not the one the customer typed.</summary>
internal sealed class PasswordMustNotBeTooLong(PasswordCandidate candidate, int maxLength) : IPasswordRule
{
    public bool IsBroken() => candidate.CodePoints > maxLength;

    public PasswordViolation Violation => new(
        PasswordViolationCodes.TooLong,
        $"Use at most {maxLength} characters.");
}

namespace Reset.Domain.Passwords.Rules;

internal sealed class PasswordMustBeLongEnough(PasswordCandidate candidate, int minLength) : IPasswordRule
{
    public bool IsBroken() => candidate.CodePoints < minLength;

    public PasswordViolation Violation => new(
        PasswordViolationCodes.TooShort,
        $"Use at least {minLength} characters. A few words that don't belong together make a long password that is easy to remember.");
}

namespace Reset.Domain.Passwords.Rules;

internal sealed class PasswordMustBeHardToGuess(int score, int minScore) : IPasswordRule
{
    public bool IsBroken() => score < minScore;

    public PasswordViolation Violation => new(
        PasswordViolationCodes.TooWeak,
        "This password would be easy to guess. Make it longer, for example with another word or two that don't belong together.");
}

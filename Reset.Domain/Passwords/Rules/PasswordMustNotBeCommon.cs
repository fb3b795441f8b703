namespace Reset.Domain.Passwords.Rules;

internal sealed class PasswordMustNotBeCommon(PasswordCandidate candidate, IPasswordBlocklist blocklist) : IPasswordRule
{
    public bool IsBroken() => blocklist.Contains(candidate.Text);

    public PasswordViolation Violation => new(
        PasswordViolationCodes.CommonPassword,
        "This password is on a list of common and leaked passwords that attackers try first. Choose another.");
}

using System.Text;

namespace Reset.Domain.Passwords.Rules;

/// <summary>
/// The composition rules the product brief's page advises (a digit, an upper- and a lower-case
/// letter). Off by default: NIST SP 800-63B and ASVS advise against them, since they push customers
/// towards "Password1" rather than towards length.
/// </summary>
internal sealed class PasswordMustContain : IPasswordRule
{
    private readonly PasswordCandidate _candidate;
    private readonly Func<Rune, bool> _kind;

    private PasswordMustContain(PasswordCandidate candidate, Func<Rune, bool> kind, PasswordViolation violation)
    {
        _candidate = candidate;
        _kind = kind;
        Violation = violation;
    }

    public PasswordViolation Violation { get; }

    public static PasswordMustContain ADigit(PasswordCandidate candidate) => new(
        candidate, Rune.IsDigit, new(PasswordViolationCodes.NeedsDigit, "Add at least one digit."));

    public static PasswordMustContain AnUppercaseLetter(PasswordCandidate candidate) => new(
        candidate, Rune.IsUpper, new(PasswordViolationCodes.NeedsUppercase, "Add at least one capital letter."));

    public static PasswordMustContain ALowercaseLetter(PasswordCandidate candidate) => new(
        candidate, Rune.IsLower, new(PasswordViolationCodes.NeedsLowercase, "Add at least one lower-case letter."));

    public bool IsBroken() => !_candidate.Text.EnumerateRunes().Any(_kind);
}

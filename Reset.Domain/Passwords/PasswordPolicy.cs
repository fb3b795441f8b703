using System.Text;
using Reset.Domain.Passwords.Rules;

namespace Reset.Domain.Passwords;

/// <summary>
/// Decides whether a new password is acceptable (DESIGN.md, "Password policy"): after NFKC
/// normalisation, long enough and not too long in code points, not common, not containing the
/// login, the e-mail's local part or the shop's name, hard enough to guess, and, only where a shop
/// turns them on, of the required character kinds. Not "different from the current password":
/// checking that would make a reset token an oracle for the current password.
/// </summary>
public sealed class PasswordPolicy
{
    private readonly IPasswordBlocklist _blocklist;
    private readonly IPasswordStrengthEstimator _strength;

    public PasswordPolicy(PasswordPolicySettings settings, IPasswordBlocklist blocklist, IPasswordStrengthEstimator strength)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(blocklist);
        ArgumentNullException.ThrowIfNull(strength);
        if (settings.MinLength < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), "MinLength must be at least 1.");
        }

        if (settings.MaxLength < settings.MinLength || settings.MaxLength > PasswordPolicySettings.LargestMaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), $"MaxLength must be between MinLength and {PasswordPolicySettings.LargestMaxLength}.");
        }

        if (settings.MinScore is < 0 or > PasswordPolicySettings.HighestScore)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), $"MinScore must be between 0 and {PasswordPolicySettings.HighestScore}.");
        }

        Settings = settings;
        _blocklist = blocklist;
        _strength = strength;
    }

    public PasswordPolicySettings Settings { get; }

    /// <summary>
    /// NFKC, so that every way of typing the same characters (fullwidth letters, composed or
    /// decomposed accents) is one password. This form is what the rules check and what gets hashed.
    /// </summary>
    /// <exception cref="ArgumentException">The text holds a lone surrogate; the message never holds the password.</exception>
    public static string Normalize(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        try
        {
            return password.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            throw new ArgumentException("The password is not valid Unicode text: it holds a lone surrogate.", nameof(password));
        }
    }

    /// <summary>Every rule the password breaks, and its strength score; the password is kept nowhere.</summary>
    public PasswordEvaluation Evaluate(string password, PasswordContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var candidate = PasswordCandidate.From(password);
        // A misbehaving estimator must not put a score outside the documented scale in a response.
        var score = Math.Clamp(_strength.Score(candidate.Text, UserInputs(context)), 0, PasswordPolicySettings.HighestScore);

        var rules = new List<IPasswordRule>
        {
            new PasswordMustBeLongEnough(candidate, Settings.MinLength),
            new PasswordMustNotBeTooLong(candidate, Settings.MaxLength),
        };
        if (Settings.RequireDigit)
        {
            rules.Add(PasswordMustContain.ADigit(candidate));
        }

        if (Settings.RequireUppercase)
        {
            rules.Add(PasswordMustContain.AnUppercaseLetter(candidate));
        }

        if (Settings.RequireLowercase)
        {
            rules.Add(PasswordMustContain.ALowercaseLetter(candidate));
        }

        if (Settings.CheckBlocklist)
        {
            rules.Add(new PasswordMustNotBeCommon(candidate, _blocklist));
        }

        rules.Add(PasswordMustNotContain.TheLogin(candidate, context));
        rules.Add(PasswordMustNotContain.TheEmailLocalPart(candidate, context));
        rules.Add(PasswordMustNotContain.TheShopName(candidate, Settings.ShopName));
        rules.Add(new PasswordMustBeHardToGuess(score, Settings.MinScore));

        return new PasswordEvaluation(score, [.. rules.Where(rule => rule.IsBroken()).Select(rule => rule.Violation)]);
    }

    /// <summary>
    /// What the strength estimator should treat as words an attacker tries first, each also as its
    /// skeleton ("example shop" and "exampleshop"), since the estimator matches whole words only.
    /// </summary>
    private string[] UserInputs(PasswordContext context) =>
    [
        .. new[] { context.Login, context.MemberId, context.Email, PasswordMustNotContain.LocalPartOf(context.Email), Settings.ShopName }
            .OfType<string>()
            .SelectMany(input => new[] { input.Trim().ToLowerInvariant(), PasswordCandidate.SkeletonOf(input) })
            .Where(input => input.Length > 0)
            .Distinct(StringComparer.Ordinal),
    ];
}

using NJsonSchema.Annotations;
using Reset.Api.Localization;
using Reset.Domain.Passwords;
using Reset.Infrastructure.Localization;

namespace Reset.Api.Features.PasswordPolicy.Evaluate;

/// <summary>The policy's verdict on a password; never the password itself.</summary>
/// <param name="Acceptable">True when no rule is broken.</param>
/// <param name="Score">Strength on zxcvbn's scale, 0 (guessable) to 4 (very hard to guess).</param>
/// <param name="Violations">Every rule the password breaks; empty when acceptable.</param>
[JsonSchema("PasswordEvaluation")]
public sealed record Response(bool Acceptable, int Score, IReadOnlyList<Violation> Violations)
{
    public static Response From(PasswordEvaluation evaluation, PasswordPolicySettings settings, Language language) => new(
        evaluation.Acceptable,
        evaluation.Score,
        [.. evaluation.Violations.Select(v => new Violation(v.Code, PasswordTexts.MessageFor(v, settings, language)))]);
}

/// <param name="Code">Stable and snake_case: too_short, too_long, common_password, contains_login, contains_email_local_part, contains_shop_name, too_weak, needs_digit, needs_uppercase, needs_lowercase.</param>
/// <param name="Message">What the customer should do, in plain words, in the answer's language (Accept-Language).</param>
[JsonSchema("PasswordViolation")]
public sealed record Violation(string Code, string Message);

using FastEndpoints;
using FluentValidation;
using Reset.Api.Localization;
using Reset.Domain.Passwords;

namespace Reset.Api.Features.PasswordPolicy.Evaluate;

/// <summary>
/// The shape of the request only. A password longer than the policy allows is not a validation
/// failure but a <c>too_long</c> violation; this cap only bounds the work one request can ask for.
/// </summary>
public sealed class Validator : Validator<Request>
{
    /// <summary>
    /// Four UTF-16 units for each code point the largest configurable MaxLength allows: room for
    /// surrogate pairs and for sequences that NFKC composes into one code point.
    /// </summary>
    public const int MaxPasswordChars = 4 * PasswordPolicySettings.LargestMaxLength;

    /// <summary>The longest e-mail address a mailbox can have (64 + 1 + 255).</summary>
    public const int MaxLoginChars = 320;

    public Validator()
    {
        // Messages never quote the value: it is a password.
        RuleFor(r => r.Password)
            .NotNull().WithMessage(FieldTexts.PasswordToEvaluate)
            .MaximumLength(MaxPasswordChars).WithMessage(FieldTexts.PasswordMaxLength.WithMaxLength(MaxPasswordChars));
        RuleFor(r => r.Login)
            .MaximumLength(MaxLoginChars).WithMessage(FieldTexts.LoginMaxLength.WithMaxLength(MaxLoginChars));
    }
}

using FastEndpoints;
using FluentValidation;
using Reset.Api.Localization;
using Reset.Domain.Logins;

namespace Reset.Api.Features.PasswordResets.Start;

public sealed class Validator : Validator<Request>
{
    public const int MaxTokenLength = 16 * 1024;

    public Validator()
    {
        RuleFor(r => r.Login)
            .NotEmpty().WithMessage(FieldTexts.Login)
            .MaximumLength(EmailAddress.MaxLength).WithMessage(FieldTexts.LoginLength.WithMaxLength(EmailAddress.MaxLength))
            .Must(login => LoginIdentifier.TryParse(login, out _))
            .WithMessage(FieldTexts.LoginShape)
            .When(r => !string.IsNullOrEmpty(r.Login) && r.Login.Length <= EmailAddress.MaxLength, ApplyConditionTo.CurrentValidator);

        // A missing or wrong token is human_check_failed, decided by the verifier; only size is a field rule.
        RuleFor(r => r.HumanCheckToken)
            .MaximumLength(MaxTokenLength).WithMessage(FieldTexts.HumanCheckTokenLength.WithMaxLength(MaxTokenLength));
    }
}

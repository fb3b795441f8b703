using FastEndpoints;
using FluentValidation;
using Reset.Api.Localization;
using Reset.Domain.Tickets;

namespace Reset.Api.Features.PasswordResets.VerifyCode;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        // Not six digits is a typing slip, not a guess: it does not use up an attempt.
        RuleFor(r => r.Code)
            .NotEmpty().WithMessage(FieldTexts.Code)
            .Must(code => VerificationCode.TryParse(code, out _)).WithMessage(FieldTexts.CodeShape)
            .When(r => !string.IsNullOrEmpty(r.Code), ApplyConditionTo.CurrentValidator);
    }
}

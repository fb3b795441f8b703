using FastEndpoints;
using FluentValidation;
using Reset.Domain.Tickets;

namespace Reset.Api.Features.PasswordResets.VerifyCode;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        // Not six digits is a typing slip, not a guess: it does not use up an attempt.
        RuleFor(r => r.Code)
            .NotEmpty().WithMessage("Type the six-digit code from the e-mail.")
            .Must(code => VerificationCode.TryParse(code, out _)).WithMessage("A code is exactly six digits.")
            .When(r => !string.IsNullOrEmpty(r.Code), ApplyConditionTo.CurrentValidator);
    }
}

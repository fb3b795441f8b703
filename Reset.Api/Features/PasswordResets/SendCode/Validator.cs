using FastEndpoints;
using FluentValidation;
using Reset.Api.Localization;

namespace Reset.Api.Features.PasswordResets.SendCode;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Method)
            .NotEmpty().WithMessage(FieldTexts.Method)
            .Equal("email").WithMessage(FieldTexts.MethodIsEmail);
    }
}

using FastEndpoints;
using FluentValidation;
using Reset.Api.Localization;
using Reset.Domain.Logins;
using Reset.Domain.Support;

namespace Reset.Api.Features.PasswordResets.RequestSupport;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.ContactEmail)
            .NotEmpty().WithMessage(FieldTexts.ContactEmail)
            .Must(email => EmailAddress.TryParse(email, out _)).WithMessage(FieldTexts.ContactEmailShape)
            .When(r => !string.IsNullOrEmpty(r.ContactEmail), ApplyConditionTo.CurrentValidator);
        RuleFor(r => r.Message)
            .NotEmpty().WithMessage(FieldTexts.Message)
            .MaximumLength(SupportRequest.MaxMessageLength).WithMessage(FieldTexts.MessageLength.WithMaxLength(SupportRequest.MaxMessageLength));
    }
}

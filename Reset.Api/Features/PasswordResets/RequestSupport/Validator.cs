using FastEndpoints;
using FluentValidation;
using Reset.Domain.Logins;
using Reset.Domain.Support;

namespace Reset.Api.Features.PasswordResets.RequestSupport;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.ContactEmail)
            .NotEmpty().WithMessage("Give an e-mail address where support can reach you.")
            .Must(email => EmailAddress.TryParse(email, out _)).WithMessage("This is not an e-mail address.")
            .When(r => !string.IsNullOrEmpty(r.ContactEmail), ApplyConditionTo.CurrentValidator);
        RuleFor(r => r.Message)
            .NotEmpty().WithMessage("Tell support what happened.")
            .MaximumLength(SupportRequest.MaxMessageLength).WithMessage($"A message has at most {SupportRequest.MaxMessageLength} characters.");
    }
}

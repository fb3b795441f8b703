using FastEndpoints;
using FluentValidation;
using Reset.Domain.Logins;

namespace Reset.Api.Features.PasswordResets.Start;

public sealed class Validator : Validator<Request>
{
    public const int MaxTokenLength = 16 * 1024;

    public Validator()
    {
        RuleFor(r => r.Login)
            .NotEmpty().WithMessage("Type your e-mail address or member ID.")
            .MaximumLength(EmailAddress.MaxLength).WithMessage($"A login has at most {EmailAddress.MaxLength} characters.")
            .Must(login => LoginIdentifier.TryParse(login, out _))
            .WithMessage("This is neither an e-mail address nor a member ID.")
            .When(r => !string.IsNullOrEmpty(r.Login) && r.Login.Length <= EmailAddress.MaxLength, ApplyConditionTo.CurrentValidator);

        // A missing or wrong token is human_check_failed, decided by the verifier; only size is a field rule.
        RuleFor(r => r.HumanCheckToken)
            .MaximumLength(MaxTokenLength).WithMessage($"A human-check token has at most {MaxTokenLength} characters.");
    }
}

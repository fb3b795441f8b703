using FastEndpoints;
using FluentValidation;

namespace Reset.Api.Features.PasswordResets.SendCode;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Method)
            .NotEmpty().WithMessage("Say how to send the code: \"email\".")
            .Equal("email").WithMessage("Codes go by e-mail: send \"email\". For help without e-mail, open a support request.");
    }
}

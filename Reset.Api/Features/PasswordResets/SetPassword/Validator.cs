using FastEndpoints;
using FluentValidation;

namespace Reset.Api.Features.PasswordResets.SetPassword;

public sealed class Validator : Validator<Request>
{
    /// <summary>
    /// A field limit well above the policy's maximum (128 code points, which may take 256 UTF-16
    /// characters): longer is not a password but junk, refused before any hashing.
    /// </summary>
    public const int MaxFieldLength = 1024;

    public Validator()
    {
        RuleFor(r => r.ResetToken).NotEmpty().WithMessage("Send the reset token from the code verification.")
            .MaximumLength(256).WithMessage("A reset token has 43 characters.");
        RuleFor(r => r.NewPassword).NotNull().WithMessage("Type the new password.")
            .MaximumLength(MaxFieldLength).WithMessage($"A password field holds at most {MaxFieldLength} characters.");
        RuleFor(r => r.ConfirmPassword).NotNull().WithMessage("Type the new password a second time.")
            .MaximumLength(MaxFieldLength).WithMessage($"A password field holds at most {MaxFieldLength} characters.");
    }
}

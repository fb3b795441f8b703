using FastEndpoints;
using FluentValidation;
using Reset.Api.Localization;

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
        RuleFor(r => r.ResetToken).NotEmpty().WithMessage(FieldTexts.ResetToken)
            .MaximumLength(256).WithMessage(FieldTexts.ResetTokenLength);
        RuleFor(r => r.NewPassword).NotNull().WithMessage(FieldTexts.NewPassword)
            .MaximumLength(MaxFieldLength).WithMessage(FieldTexts.PasswordFieldLength.WithMaxLength(MaxFieldLength));
        RuleFor(r => r.ConfirmPassword).NotNull().WithMessage(FieldTexts.ConfirmPassword)
            .MaximumLength(MaxFieldLength).WithMessage(FieldTexts.PasswordFieldLength.WithMaxLength(MaxFieldLength));
    }
}

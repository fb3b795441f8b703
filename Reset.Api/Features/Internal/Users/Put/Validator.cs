using FastEndpoints;
using FluentValidation;
using Microsoft.Extensions.Options;
using Reset.Domain.Accounts;
using Reset.Domain.Logins;
using Reset.Infrastructure.Hashing;

namespace Reset.Api.Features.Internal.Users.Put;

public sealed class Validator : Validator<Request>
{
    /// <summary>Longer than any policy allows; the policy then says what is wrong with it.</summary>
    private const int MaxPasswordLength = 4096;

    public Validator(IOptions<PasswordHashingOptions> hashing)
    {
        ArgumentNullException.ThrowIfNull(hashing);
        var limits = hashing.Value;
        RuleFor(r => r.Id).NotEmpty().WithMessage("The id must be a UUID other than all zeros.");
        RuleFor(r => r.Email)
            .NotEmpty().WithMessage("Give the customer's e-mail address.")
            .Must(email => EmailAddress.TryParse(email, out _)).WithMessage("This is not an e-mail address.")
            .When(r => !string.IsNullOrEmpty(r.Email), ApplyConditionTo.CurrentValidator);
        RuleFor(r => r.MemberId)
            .Must(memberId => MemberId.TryParse(memberId, out _))
            .WithMessage($"A member ID is {MemberId.MinLength} to {MemberId.MaxLength} letters, digits, '.', '_' or '-'.")
            .When(r => r.MemberId is not null);
        RuleFor(r => r.Phone)
            .Must(phone => PhoneNumber.TryParse(phone, out _)).WithMessage("Give the phone number in E.164 form, e.g. +380441234567.")
            .When(r => r.Phone is not null);
        RuleFor(r => r.Locale)
            .NotEmpty().WithMessage($"Give the customer's locale: {string.Join(", ", Locales.Supported)}.")
            .Must(Locales.IsSupported).WithMessage($"The locale is one of {string.Join(", ", Locales.Supported)}.")
            .When(r => !string.IsNullOrEmpty(r.Locale), ApplyConditionTo.CurrentValidator);
        RuleFor(r => r.Status)
            .NotEmpty().WithMessage($"Give the customer's status: {string.Join(", ", StatusNames.All)}.")
            .Must(status => StatusNames.TryParse(status, out _)).WithMessage($"The status is one of {string.Join(", ", StatusNames.All)}.")
            .When(r => !string.IsNullOrEmpty(r.Status), ApplyConditionTo.CurrentValidator);
        RuleFor(r => r.InitialPassword)
            .Null().WithMessage("Give either initialPassword or passwordHash, not both.")
            .When(r => r.PasswordHash is not null);
        RuleFor(r => r.InitialPassword)
            .NotEmpty().WithMessage("An initial password cannot be empty.")
            .MaximumLength(MaxPasswordLength).WithMessage($"A password has at most {MaxPasswordLength} characters.")
            .When(r => r.InitialPassword is not null);
        RuleFor(r => r.PasswordHash)
            .Must(hash => Argon2idPhc.FindProblem(hash, limits) is null)
            .WithMessage(r => "The password hash " + Argon2idPhc.FindProblem(r.PasswordHash, limits))
            .When(r => r.PasswordHash is not null);
    }
}

using FastEndpoints;
using FluentValidation;
using Reset.Domain.Support;

namespace Reset.Api.Features.Internal.SupportRequests.Resolve;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Note)
            .NotEmpty().WithMessage("Say what support did.")
            .MaximumLength(SupportRequest.MaxMessageLength).WithMessage($"A note has at most {SupportRequest.MaxMessageLength} characters.");
    }
}

using FastEndpoints;
using FluentValidation;

namespace Reset.Api.Features.Internal.SupportRequests.List;

public sealed class Validator : Validator<Request>
{
    public const int MaxLimit = 200;

    public Validator()
    {
        RuleFor(r => r.Status)
            .Must(status => status is "open" or "resolved" or "all").WithMessage("The status is open, resolved or all.")
            .When(r => r.Status is not null);
        RuleFor(r => r.Limit)
            .InclusiveBetween(1, MaxLimit).WithMessage($"The limit is 1 to {MaxLimit}.")
            .When(r => r.Limit is not null);
        RuleFor(r => r.Cursor)
            .Must(cursor => PageCursor.TryParse(cursor, out _)).WithMessage("This cursor was not given by this endpoint; start again without one.")
            .When(r => r.Cursor is not null);
    }
}

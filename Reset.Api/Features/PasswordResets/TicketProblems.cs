using Reset.Api.Localization;
using Reset.Api.Problems;
using Reset.Infrastructure.Localization;

namespace Reset.Api.Features.PasswordResets;

/// <summary>The problem answers the ticket steps share, worded once.</summary>
internal static class TicketProblems
{
    public static IResult NotFound(HttpContext context) => Problem.Of(context, StatusCodes.Status404NotFound,
        ProblemCodes.TicketNotFound, ProblemTexts.TicketNotFound);

    public static IResult Locked(HttpContext context) => Problem.Of(context, StatusCodes.Status423Locked,
        ProblemCodes.TicketLocked, ProblemTexts.TicketLocked);

    public static IResult OutOfOrder(HttpContext context, Text detail) => Problem.Of(context, StatusCodes.Status409Conflict,
        ProblemCodes.TicketState, detail);

    public static IResult HumanCheckFailed(HttpContext context) => Problem.Of(context, StatusCodes.Status400BadRequest,
        ProblemCodes.HumanCheckFailed, ProblemTexts.HumanCheckAgain);
}

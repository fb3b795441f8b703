using Reset.Api.Problems;

namespace Reset.Api.Features.PasswordResets;

/// <summary>The problem answers the ticket steps share, worded once.</summary>
internal static class TicketProblems
{
    public static IResult NotFound(HttpContext context) => Problem.Of(context, StatusCodes.Status404NotFound,
        ProblemCodes.TicketNotFound, "No such reset ticket.",
        "The ticket does not exist or has expired. Start a new password reset.");

    public static IResult Locked(HttpContext context) => Problem.Of(context, StatusCodes.Status423Locked,
        ProblemCodes.TicketLocked, "This reset ticket is locked.",
        "Too many wrong codes were entered. Start a new password reset, or ask customer support.");

    public static IResult OutOfOrder(HttpContext context, string detail) => Problem.Of(context, StatusCodes.Status409Conflict,
        ProblemCodes.TicketState, "This step does not fit the ticket's state.", detail);

    public static IResult HumanCheckFailed(HttpContext context) => Problem.Of(context, StatusCodes.Status400BadRequest,
        ProblemCodes.HumanCheckFailed, "The human check did not pass.",
        "Complete the human check again and send its new token as humanCheckToken.");
}

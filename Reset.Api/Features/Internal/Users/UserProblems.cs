using Reset.Api.Problems;

namespace Reset.Api.Features.Internal.Users;

internal static class UserProblems
{
    public static IResult NotFound(HttpContext context) => Problem.Of(context, StatusCodes.Status404NotFound,
        ProblemCodes.UserNotFound, "No such customer.", "No customer has this id. Create it with PUT /internal/v1/users/{id}.");

    public static IResult ConcurrentChange(HttpContext context) => Problem.Of(context, StatusCodes.Status409Conflict,
        ProblemCodes.ConcurrentChange, "The customer changed meanwhile.",
        "Another request changed or created this customer at the same moment. Read it again and retry.");
}

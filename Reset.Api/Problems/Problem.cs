using System.Diagnostics;

namespace Reset.Api.Problems;

/// <summary>Builds the problem answers endpoints send: <c>await Send.ResultAsync(Problem.Of(...))</c>.</summary>
public static class Problem
{
    public static IResult Of(
        HttpContext context, int status, string code, string title, string detail,
        IDictionary<string, object?>? extensions = null, IDictionary<string, string[]>? errors = null) =>
        Results.Json(
            new ApiProblem
            {
                Type = ApiProblem.TypeFor(code),
                Title = title,
                Status = status,
                Detail = detail,
                Instance = context.Request.Path,
                Code = code,
                TraceId = Activity.Current?.Id ?? context.TraceIdentifier,
                Errors = errors,
                Extensions = extensions,
            },
            statusCode: status,
            contentType: ApiProblem.ContentType);
}

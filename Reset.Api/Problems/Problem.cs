using System.Diagnostics;
using Reset.Api.Localization;
using Reset.Infrastructure.Localization;

namespace Reset.Api.Problems;

/// <summary>Builds the problem answers endpoints send: <c>await Send.ResultAsync(Problem.Of(...))</c>.</summary>
public static class Problem
{
    /// <summary>429 rate_limited, with Retry-After in whole seconds (at least 1); a <c>{wait}</c> in the detail says as much in words.</summary>
    public static IResult RateLimited(HttpContext context, TimeSpan retryAfter, Text detail)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Of(context, StatusCodes.Status429TooManyRequests, ProblemCodes.RateLimited,
            detail.With("wait", Units.Wait(TimeSpan.FromSeconds(seconds))));
    }

    /// <summary>429 rate_limited in English words given by the caller, for the internal API, whose callers are services.</summary>
    public static IResult RateLimited(HttpContext context, TimeSpan retryAfter, string detail)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Of(context, StatusCodes.Status429TooManyRequests, ProblemCodes.RateLimited,
            ProblemTexts.TitleFor(ProblemCodes.RateLimited).In(Language.English), detail);
    }

    /// <summary>A problem in the request's language (Accept-Language): the title its code's, the detail as given.</summary>
    public static IResult Of(
        HttpContext context, int status, string code, Text detail,
        IDictionary<string, object?>? extensions = null, IDictionary<string, string[]>? errors = null)
    {
        var language = Languages.Current;
        return Of(context, status, code, ProblemTexts.TitleFor(code).In(language), detail.In(language), extensions, errors);
    }

    /// <summary>A problem worded by the caller, in words used as given: the internal API's, in English.</summary>
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

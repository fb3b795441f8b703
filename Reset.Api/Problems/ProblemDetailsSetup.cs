using System.Diagnostics;
using FastEndpoints;
using FluentValidation.Results;
using Reset.Infrastructure;

namespace Reset.Api.Problems;

/// <summary>
/// Two sources of error answers, one shape: FastEndpoints' validation and binding failures, and
/// ASP.NET Core's own (unknown route, wrong method, unhandled exception) through IProblemDetailsService.
/// </summary>
internal static class ProblemDetailsSetup
{
    /// <summary>Marks a failure that came from a body that could not be read as JSON of the right shape.</summary>
    private const string MalformedFailure = "malformed_request";

    public static IServiceCollection AddResetProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            if (!problem.Extensions.ContainsKey("code"))
            {
                var code = ProblemCodes.ForStatus(status);
                problem.Extensions["code"] = code;
                problem.Type = ApiProblem.TypeFor(code);
            }

            problem.Instance ??= context.HttpContext.Request.Path;
            problem.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
            // Exception messages can hold anything, secrets included: never send them.
            problem.Extensions.Remove("exception");
            if (status == StatusCodes.Status503ServiceUnavailable)
            {
                problem.Title = "A service this one depends on is unavailable.";
                problem.Detail = "The request could not be completed. Try again in a few seconds.";
                context.HttpContext.Response.Headers.RetryAfter = DependencyFailures.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (status >= 500)
            {
                problem.Detail = "The service could not complete the request. Try again; if it keeps failing, contact support.";
            }
        });

    public static void ConfigureErrors(Config config)
    {
        config.Binding.JsonExceptionStatusCode = StatusCodes.Status400BadRequest;
        config.Binding.JsonExceptionTransformer = exception =>
        {
            // "$.login" → "login"; the body itself (not JSON, an array, …) → "body".
            var field = exception.Path is null or "$" || exception.Path.StartsWith("$[", StringComparison.Ordinal)
                ? "body"
                : exception.Path[2..];
            return new ValidationFailure(field, "This is not valid JSON of the expected shape.") { ErrorCode = MalformedFailure };
        };

        config.Errors.StatusCode = StatusCodes.Status400BadRequest;
        config.Errors.ContentType = ApiProblem.ContentType;
        config.Errors.ProducesMetadataType = typeof(ApiProblem);
        config.Errors.ResponseBuilder = (failures, context, status) => FromFailures(failures, context, status);
    }

    private static ApiProblem FromFailures(List<ValidationFailure> failures, HttpContext context, int status)
    {
        var malformed = failures.Exists(f => f.ErrorCode == MalformedFailure);
        var code = malformed ? ProblemCodes.MalformedRequest : ProblemCodes.ValidationFailed;
        return new ApiProblem
        {
            Type = ApiProblem.TypeFor(code),
            Title = malformed ? "The request body could not be read." : "The request is not valid.",
            Status = status,
            Detail = malformed
                ? "Send a JSON object with the fields this endpoint documents."
                : "One or more fields break the rules; see errors.",
            Instance = context.Request.Path,
            Code = code,
            TraceId = Activity.Current?.Id ?? context.TraceIdentifier,
            Errors = failures
                .GroupBy(f => string.IsNullOrEmpty(f.PropertyName) ? "body" : ToCamelCase(f.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray()),
        };
    }

    private static string ToCamelCase(string name) =>
        name.Length == 0 || char.IsLower(name[0]) ? name : char.ToLowerInvariant(name[0]) + name[1..];
}

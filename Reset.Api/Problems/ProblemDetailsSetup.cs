using System.Diagnostics;
using FastEndpoints;
using FluentValidation.Results;
using Reset.Api.Localization;
using Reset.Infrastructure;
using Reset.Infrastructure.Localization;

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
            if (!problem.Extensions.TryGetValue("code", out var given) || given is not string code)
            {
                code = ProblemCodes.ForStatus(status);
                problem.Extensions["code"] = code;
                problem.Type = ApiProblem.TypeFor(code);
            }

            // The same words as an endpoint's problem with this code, in the request's language.
            var language = Languages.Current;
            problem.Title = ProblemTexts.TitleFor(code).In(language);

            problem.Instance ??= context.HttpContext.Request.Path;
            problem.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
            // Exception messages can hold anything, secrets included: never send them.
            problem.Extensions.Remove("exception");
            if (status == StatusCodes.Status503ServiceUnavailable)
            {
                problem.Detail = ProblemTexts.TryAgainShortly.In(language);
                context.HttpContext.Response.Headers.RetryAfter = DependencyFailures.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (status >= 500)
            {
                problem.Detail = ProblemTexts.CouldNotComplete.In(language);
            }
            else if (status == StatusCodes.Status404NotFound)
            {
                problem.Detail ??= ProblemTexts.NothingHere.In(language);
            }
            else if (status == StatusCodes.Status405MethodNotAllowed)
            {
                problem.Detail ??= ProblemTexts.MethodNotTaken.In(language);
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
            return new ValidationFailure(field, ProblemTexts.NotJsonOfTheShape.In(Languages.Current)) { ErrorCode = MalformedFailure };
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
        var language = Languages.Current;
        return new ApiProblem
        {
            Type = ApiProblem.TypeFor(code),
            Title = ProblemTexts.TitleFor(code).In(language),
            Status = status,
            Detail = (malformed ? ProblemTexts.SendDocumentedJson : ProblemTexts.FieldsBreakRules).In(language),
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

using FastEndpoints;
using Reset.Api.Localization;
using Reset.Api.Network;
using Reset.Api.Problems;
using Reset.Domain.Logins;
using Reset.Domain.Passwords;
using Reset.Infrastructure.Localization;
using Reset.Infrastructure.Passwords;
using Reset.Infrastructure.RateLimiting;

namespace Reset.Api.Features.PasswordPolicy.Evaluate;

/// <summary>
/// Checks a candidate password against the policy while the customer types. Nothing is stored and
/// the answer is marked no-store: it says how good a password is.
/// </summary>
public sealed class Endpoint(PasswordEvaluator policy, RateLimiter limiter) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/password-policy/evaluations");
        AllowAnonymous();
        Description(b => b
            .WithName("evaluatePassword")
            .WithTags("Password policy")
            .Accepts<Request>("application/json")
            .ProducesProblemFE<ApiProblem>(StatusCodes.Status400BadRequest)
            .ProducesProblemFE<ApiProblem>(StatusCodes.Status429TooManyRequests)
            .ProducesProblemFE<ApiProblem>(StatusCodes.Status503ServiceUnavailable));
        Summary(s =>
        {
            s.Summary = "Evaluate a candidate password";
            s.Description = "Says whether the password meets the policy, its strength score, and every rule it breaks. Give the login to have the password checked for containing it.";
            s.ExampleRequest = new Request { Password = "blue cactus river lamp", Login = "john@example.com" };
            s.Responses[200] = "The verdict: acceptable, score and violations (never the password).";
            s.Responses[400] = "The body is not JSON of this shape (malformed_request) or breaks a field rule (validation_failed).";
            s.Responses[429] = "rate_limited: strength estimation costs CPU, so each client gets a budget per minute.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (await limiter.ExceededAsync(RateLimitPolicy.EvaluatePerClient, ClientAddress.Of(HttpContext)) is { } wait)
        {
            await Send.ResultAsync(Problem.RateLimited(HttpContext, wait, ProblemTexts.TooManyEvaluations));
            return;
        }

        var evaluation = await policy.EvaluateAsync(req.Password!, ContextFor(req.Login), ct);
        HttpContext.Response.Headers.CacheControl = "no-store";
        await Send.OkAsync(Response.From(evaluation, policy.Settings, Languages.Current), ct);
    }

    /// <summary>An e-mail login brings its address (and so its local part); a member ID itself; anything else is checked as typed.</summary>
    private static PasswordContext ContextFor(string? login)
    {
        if (string.IsNullOrWhiteSpace(login))
        {
            return PasswordContext.None;
        }

        if (!LoginIdentifier.TryParse(login, out var parsed))
        {
            return new PasswordContext(Login: login);
        }

        return parsed.IsEmail
            ? new PasswordContext(Login: login, Email: parsed.Email!.Value)
            : new PasswordContext(Login: login, MemberId: parsed.MemberId!.Value);
    }
}

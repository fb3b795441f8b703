using FastEndpoints;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Reset.Api.Localization;
using Reset.Api.Problems;
using Reset.Infrastructure.Health;

namespace Reset.Api.Features.Health.Ready;

/// <summary>
/// Ready to serve resets: PostgreSQL and Redis both answer. Each check gives up after 2 s, so this
/// answers within 3 s even when a server hangs; a load balancer takes the instance out meanwhile.
/// The report is shared: one run of the checks answers every caller for a second.
/// </summary>
public sealed class Endpoint(ReadinessProbe probe) : EndpointWithoutRequest<HealthResponse>
{
    /// <summary>How long a client should wait before asking again when a dependency is down.</summary>
    public const int RetryAfterSeconds = 5;

    public override void Configure()
    {
        Get("/health/ready");
        RoutePrefixOverride(string.Empty);
        AllowAnonymous();
        Description(b => b
            .WithName("getReadiness")
            .WithTags("Operations")
            .ProducesProblemFE<ApiProblem>(StatusCodes.Status503ServiceUnavailable));
        Summary(s =>
        {
            s.Summary = "Readiness: PostgreSQL and Redis answer";
            s.Responses[200] = "Every dependency answered.";
            s.Responses[503] = "A dependency did not answer within 2 s (code dependency_unavailable; checks says which).";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var report = await probe.CheckAsync(ct);
        var checks = report.Entries.ToDictionary(
            entry => entry.Key,
            entry => entry.Value.Status == HealthStatus.Healthy ? "healthy" : "unhealthy");

        if (report.Status == HealthStatus.Healthy)
        {
            await Send.OkAsync(new HealthResponse("healthy", checks), ct);
            return;
        }

        HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var down = string.Join(", ", checks.Where(c => c.Value != "healthy").Select(c => c.Key));
        await Send.ResultAsync(Problem.Of(
            HttpContext,
            StatusCodes.Status503ServiceUnavailable,
            ProblemCodes.DependencyUnavailable,
            ProblemTexts.NoAnswerFrom.With("dependencies", down),
            new Dictionary<string, object?> { ["checks"] = checks }));
    }
}

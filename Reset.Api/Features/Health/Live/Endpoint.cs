using FastEndpoints;

namespace Reset.Api.Features.Health.Live;

/// <summary>The process is up and serving HTTP. Checks nothing else, so a slow database never restarts it.</summary>
public sealed class Endpoint : EndpointWithoutRequest<HealthResponse>
{
    public override void Configure()
    {
        Get("/health/live");
        RoutePrefixOverride(string.Empty);
        AllowAnonymous();
        Description(b => b.WithName("getLiveness").WithTags("Operations"));
        Summary(s =>
        {
            s.Summary = "Liveness: the process answers";
            s.Responses[200] = "The service is running.";
        });
    }

    public override Task HandleAsync(CancellationToken ct) => Send.OkAsync(new HealthResponse("healthy"), ct);
}

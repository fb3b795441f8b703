using FastEndpoints;
using Microsoft.Extensions.Options;
using Reset.Infrastructure.HumanCheck;

namespace Reset.Api.Features.HumanCheck.Describe;

/// <summary>Tells a client which human-check widget to show before it starts a reset.</summary>
public sealed class Endpoint(IOptions<HumanCheckOptions> options) : EndpointWithoutRequest<HumanCheckResponse>
{
    public override void Configure()
    {
        Get("/human-check");
        AllowAnonymous();
        Description(b => b.WithName("getHumanCheck").WithTags("Human check"));
        Summary(s =>
        {
            s.Summary = "The human check in use";
            s.Description = "Show the named widget; what it produces is the humanCheckToken that starts a reset. For altcha, point the altcha widget 3.x at challengeUrl.";
            s.Responses[200] = "The provider, with what its widget needs.";
            // Anonymous, so the example leaves out siteKey as the answer does.
            s.ResponseExamples[200] = new { provider = HumanCheckOptions.Altcha, challengeUrl = Challenge.Endpoint.Url };
        });
    }

    public override Task HandleAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var provider = settings.ProviderName;
        return Send.OkAsync(
            provider switch
            {
                HumanCheckOptions.Altcha => new HumanCheckResponse(provider, ChallengeUrl: Challenge.Endpoint.Url),
                HumanCheckOptions.Disabled => new HumanCheckResponse(provider),
                _ => new HumanCheckResponse(provider, SiteKey: settings.SiteKey),
            },
            ct);
    }
}

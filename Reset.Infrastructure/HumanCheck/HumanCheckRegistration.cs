using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Reset.Infrastructure.HumanCheck;

public static class HumanCheckRegistration
{
    /// <summary>
    /// The verifier of the configured HumanCheck:Provider as <see cref="IHumanCheckVerifier"/>, and
    /// the ALTCHA challenge issuer and the siteverify HttpClient of the hosted providers. Chosen when first resolved, after the options were validated.
    /// </summary>
    public static IServiceCollection AddHumanCheck(this IServiceCollection services)
    {
        services.AddSingleton<AltchaChallengeIssuer>();
        services.AddSingleton<AltchaVerifier>();
        services.AddSingleton<DisabledHumanCheckVerifier>();
        services.AddSingleton<SiteverifyVerifier>();
        services.AddSiteverifyClient();
        services.AddSingleton<IHumanCheckVerifier>(provider =>
            provider.GetRequiredService<IOptions<HumanCheckOptions>>().Value.ProviderName switch
            {
                HumanCheckOptions.Altcha => provider.GetRequiredService<AltchaVerifier>(),
                HumanCheckOptions.Disabled => provider.GetRequiredService<DisabledHumanCheckVerifier>(),
                HumanCheckOptions.Turnstile or HumanCheckOptions.HCaptcha or HumanCheckOptions.ReCaptcha => provider.GetRequiredService<SiteverifyVerifier>(),
                // HumanCheckOptionsValidator refuses the others at start.
                var other => throw new InvalidOperationException($"HumanCheck:Provider '{other}' has no verifier in this version."),
            });
        return services;
    }
}

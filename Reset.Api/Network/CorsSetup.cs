using Microsoft.Extensions.Options;
using Reset.Infrastructure;
using Reset.Infrastructure.Configuration;

namespace Reset.Api.Network;

/// <summary>Section "Cors": the storefront origins whose pages may call the API from a browser.</summary>
public sealed class CorsOptions
{
    public const string Section = "Cors";

    /// <summary>Exact origins, e.g. "https://shop.example". None by default: browsers on other origins are refused.</summary>
    public List<string> AllowedOrigins { get; set; } = [];
}

internal sealed class CorsOptionsValidator : IValidateOptions<CorsOptions>
{
    public ValidateOptionsResult Validate(string? name, CorsOptions options)
    {
        var wrong = options.AllowedOrigins
            .Where(origin => !Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
                || uri.AbsolutePath != "/" || origin.EndsWith('/') || origin == "*")
            .ToList();
        return wrong.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{Setting.Name("Cors:AllowedOrigins")} holds entries that are not origins like https://shop.example: {string.Join(", ", wrong)}.");
    }
}

internal static class CorsSetup
{
    public static IServiceCollection AddStorefrontCors(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<CorsOptions, CorsOptionsValidator>(configuration, CorsOptions.Section);
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<IOptions<CorsOptions>>((cors, allowed) =>
            cors.AddDefaultPolicy(policy => policy
                .WithOrigins([.. allowed.Value.AllowedOrigins])
                .WithMethods("GET", "POST")
                .WithHeaders("Content-Type", "Accept", "Accept-Language", "Idempotency-Key")
                .WithExposedHeaders("Location", "Retry-After", "Idempotent-Replayed")
                // No cookies: the API knows nobody by cookie, so credentials are never needed.
                .DisallowCredentials()
                .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        return services;
    }
}

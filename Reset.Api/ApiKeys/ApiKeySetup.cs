using FastEndpoints.Swagger;
using Microsoft.AspNetCore.Authentication;
using NSwag;
using NSwag.Generation;
using Reset.Infrastructure;

namespace Reset.Api.ApiKeys;

internal static class ApiKeySetup
{
    /// <summary>The ApiKey authentication scheme and one authorization policy per scope.</summary>
    public static IServiceCollection AddInternalApiKeys(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<InternalApiOptions, InternalApiOptionsValidator>(configuration, InternalApiOptions.Section);
        services.AddSingleton<ApiKeyRing>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKey.Scheme, displayName: null, configureOptions: null);
        services.AddAuthorization(options =>
        {
            foreach (var scope in ApiScopes.All)
            {
                options.AddPolicy(scope, policy => policy
                    .AddAuthenticationSchemes(ApiKey.Scheme)
                    .RequireAuthenticatedUser()
                    .RequireClaim(ApiScopes.ClaimType, scope));
            }
        });
        return services;
    }

    /// <summary>The key as a bearer security scheme in the OpenAPI document, required by the internal endpoints only.</summary>
    public static void DocumentInternalApiKeys(this OpenApiDocumentGeneratorSettings settings) =>
        settings.AddAuth(ApiKey.Scheme, new OpenApiSecurityScheme
        {
            Type = OpenApiSecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "rsk_…",
            Description = "An internal API key, as `Authorization: Bearer rsk_…`. Each key has scopes; an endpoint names the one it needs.",
        });
}

using FastEndpoints;
using FastEndpoints.Swagger;
using Reset.Api.ApiKeys;
using Reset.Api.Idempotency;
using Reset.Api.Demo;
using Reset.Api.Features.Internal;
using Reset.Api.Localization;
using Reset.Api.Network;
using Reset.Api.Problems;
using Reset.Infrastructure;

namespace Reset.Api.Hosting;

internal static class ApiServices
{
    public const string DocumentName = "v1";

    public static WebApplicationBuilder AddResetApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddInfrastructure(builder.Configuration);
        builder.AddObservability();
        builder.Services.AddShutdownTimeout(builder.Configuration);
        builder.Services.AddTrustedProxies(builder.Configuration);
        builder.Services.AddStorefrontCors(builder.Configuration);
        builder.Services.AddDemoPage(builder.Configuration);
        builder.Services.AddInternalApiKeys(builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = RequestBodyGuard.MaxBytes;
            kestrel.AddServerHeader = false;
        });
        builder.Services.AddRequestLanguages();
        builder.Services.AddResetProblemDetails();
        builder.Services.AddFastEndpoints();
        builder.Services.AddValidatedOptions<SwaggerOptions, SwaggerOptionsValidator>(builder.Configuration, SwaggerOptions.Section);
        // Read when the document is made (its first request), from the whole configuration; unvalidated,
        // but the configuration check refuses a wrong value by name before any request.
        bool IncludeInternal()
        {
            var swagger = builder.Configuration.GetSection(SwaggerOptions.Section).Get<SwaggerOptions>() ?? new();
            return SwaggerOptionsValidator.IsValid(swagger) && swagger.IncludesInternal(builder.Environment);
        }

        builder.Services.SwaggerDocument(options =>
        {
            options.EndpointFilter = endpoint => !InternalApi.Describes(endpoint.EndpointType) || IncludeInternal();
            options.ShortSchemaNames = true;
            options.EnableJWTBearerAuth = false;
            // Tags are set per endpoint, by use case, not taken from the route.
            options.AutoTagPathSegmentIndex = 0;
            options.DocumentSettings = settings =>
            {
                settings.DocumentName = DocumentName;
                settings.Title = "reset-service";
                settings.Version = "v1";
                settings.Description = OpenApiText.Description;
                settings.SchemaSettings.SchemaNameGenerator = new SchemaNames(settings.SchemaSettings.SchemaNameGenerator);
                settings.SchemaSettings.SchemaProcessors.Add(new OpenPolymorphicSchemas());
                settings.OperationProcessors.Add(new IdempotencyKeyDocumentation());
                settings.DocumentProcessors.Add(new ProblemDescriptions());
                if (IncludeInternal())
                {
                    settings.DocumentInternalApiKeys();
                }

                settings.OperationProcessors.Add(new RequestBodyDocumentation());
                settings.OperationProcessors.Add(new AcceptLanguageParameter());
            };
        });
        return builder;
    }
}

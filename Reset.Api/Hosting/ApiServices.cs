using FastEndpoints;
using FastEndpoints.Swagger;
using Reset.Api.ApiKeys;
using Reset.Api.Idempotency;
using Reset.Api.Demo;
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
        builder.Services.SwaggerDocument(options =>
        {
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
                settings.DocumentInternalApiKeys();
                settings.OperationProcessors.Add(new RequestBodyDocumentation());
                settings.OperationProcessors.Add(new AcceptLanguageParameter());
            };
        });
        return builder;
    }
}

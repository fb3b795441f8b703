using FastEndpoints;
using FastEndpoints.Swagger;
using Reset.Api.Demo;
using Reset.Api.Idempotency;
using Reset.Api.Localization;
using Reset.Api.Network;
using Reset.Api.Problems;
using Reset.Infrastructure;

namespace Reset.Api.Hosting;

internal static class ApiPipeline
{
    public static WebApplication UseResetApi(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseRequestLanguages();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // PostgreSQL, Redis or a provider down is "try again later", not a bug.
            StatusCodeSelector = exception => exception switch
            {
                // Kestrel's own refusals (a body over the limit, a request cut short) keep their 4xx.
                BadHttpRequestException bad => bad.StatusCode,
                _ when DependencyFailures.IsDependencyFailure(exception) => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        // Unknown routes and wrong methods answer problem details too, not an empty 404/405.
        app.UseStatusCodePages();

        app.UseRequestBodyGuard();
        app.UseCors();

        app.UseDocumentationHeaders();

        // Nothing this service answers may be cached: tickets, tokens and states change by the second.
        app.Use((context, next) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return next(context);
        });

        // Internal API keys; before idempotency, so no answer is replayed to a caller without a key.
        app.UseAuthentication();
        app.UseAuthorization();

        // After no-store, so a replayed answer carries it too.
        app.UseIdempotencyKeys();

        app.UseMetrics();
        app.UseDemoPage();

        app.UseFastEndpoints(config =>
        {
            config.Endpoints.RoutePrefix = "api/v1";
            // "application/problem+json" exactly, as clients and the contract expect.
            config.Serializer.CharacterEncoding = null;
            ProblemDetailsSetup.ConfigureErrors(config);
        });

        app.UseSwaggerGen(
            document =>
            {
                document.Path = "/openapi/{documentName}.json";
                // The document must not depend on the host it was fetched from: openapi.yaml is committed.
                document.PostProcess = (openApi, _) => openApi.Servers.Clear();
            },
            ui =>
            {
                ui.Path = "/swagger";
                ui.DocumentPath = "/openapi/{documentName}.json";
            });
        return app;
    }
}

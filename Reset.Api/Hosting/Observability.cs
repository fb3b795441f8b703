using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Reset.Infrastructure.Email;
using Reset.Infrastructure.Observability;

namespace Reset.Api.Hosting;

/// <summary>
/// OpenTelemetry: metrics (ASP.NET Core, HttpClient, Npgsql, the reset funnel, the outbox) served
/// for Prometheus at /metrics, and traces (ASP.NET Core, HttpClient, Npgsql, Redis) sent over OTLP
/// when OTEL_EXPORTER_OTLP_ENDPOINT is set. Logs carry the trace and span ids (JSON console by default).
/// </summary>
internal static class Observability
{
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("reset-service"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(ResetMetrics.MeterName, OutboxMetrics.MeterName, "Npgsql")
                .AddPrometheusExporter());
        // Traces only where they go somewhere: recording spans for every Npgsql and Redis command
        // (the Redis instrumentation profiles each command) cost throughput for nothing otherwise.
        // Logs carry trace ids either way: ASP.NET Core starts an activity per request for them.
        if (!string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.WithTracing(tracing => tracing
                    .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = context => !IsProbe(context.Request.Path))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql()
                    .AddRedisInstrumentation())
                .UseOtlpExporter();
        }

        return builder;
    }

    public static WebApplication MapMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }

    /// <summary>Scrapes and health probes every few seconds would bury the traces that matter.</summary>
    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments(MetricsPath) || path.StartsWithSegments("/health");
}

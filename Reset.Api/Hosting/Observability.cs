using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Reset.Infrastructure;
using Reset.Infrastructure.Email;
using Reset.Infrastructure.Observability;

namespace Reset.Api.Hosting;

/// <summary>
/// OpenTelemetry: metrics (ASP.NET Core, HttpClient, Npgsql, the reset funnel, the outbox) served
/// for Prometheus at /metrics on the management port (<see cref="MetricsOptions"/>), and traces (ASP.NET Core, HttpClient, Npgsql, Redis) sent over OTLP
/// when OTEL_EXPORTER_OTLP_ENDPOINT is set. Logs carry the trace and span ids (JSON console by default).
/// </summary>
internal static class Observability
{
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<MetricsOptions, MetricsOptionsValidator>(builder.Configuration, MetricsOptions.Section);
        // Read unvalidated: Kestrel's addresses are set while the host is built, before the configuration
        // check can refuse a wrong value by name (and it does, so a wrong value never runs).
        var metrics = builder.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new();
        if (MetricsOptionsValidator.IsValid(metrics) && metrics.ManagementPort(builder.Environment) is { } port)
        {
            ListenAlsoOn(builder.WebHost, port);
        }

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

    /// <summary>
    /// /metrics on the management port only (anywhere in Development without one); that port serves
    /// nothing but /metrics and /health, so the API is not reachable past the public port's proxy either.
    /// The port is the connection's own, not the Host header's, which a client writes.
    /// </summary>
    public static WebApplication UseMetrics(this WebApplication app)
    {
        var port = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value.ManagementPort(app.Environment);
        if (port is { } management)
        {
            app.Use((context, next) =>
            {
                if (context.Connection.LocalPort == management
                    && !context.Request.Path.StartsWithSegments(MetricsPath) && !context.Request.Path.StartsWithSegments("/health"))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }

                return next(context);
            });
        }

        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path == MetricsPath && (port is null || context.Connection.LocalPort == port));
        return app;
    }

    /// <summary>Adds http://*:port to the addresses Kestrel listens on (ASPNETCORE_URLS, --urls, HTTP_PORTS or the default).</summary>
    private static void ListenAlsoOn(IWebHostBuilder host, int port)
    {
        var urls = host.GetSetting(WebHostDefaults.ServerUrlsKey);
        if (string.IsNullOrWhiteSpace(urls))
        {
            var httpPorts = host.GetSetting(WebHostDefaults.HttpPortsKey);
            urls = string.IsNullOrWhiteSpace(httpPorts)
                ? "http://localhost:5000"
                : string.Join(';', httpPorts.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"http://*:{p}"));
        }

        host.UseUrls($"{urls};http://*:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
    }

    /// <summary>Scrapes and health probes every few seconds would bury the traces that matter.</summary>
    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments(MetricsPath) || path.StartsWithSegments("/health");
}

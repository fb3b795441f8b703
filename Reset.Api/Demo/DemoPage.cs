using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Reset.Infrastructure;
using Reset.Infrastructure.Configuration;

namespace Reset.Api.Demo;

/// <summary>Section "Demo": the reference page at /demo.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>"true" or "false": serve the page at /demo. Unset: on in Development, off elsewhere.</summary>
    public string? Enabled { get; set; }

    public bool IsOn(IHostEnvironment environment) => Enabled is null ? environment.IsDevelopment() : bool.Parse(Enabled);
}

internal sealed class DemoOptionsValidator : IValidateOptions<DemoOptions>
{
    // A string checked here rather than a bool, so that "yes" is named like every other wrong setting
    // instead of failing the binder with a stack trace.
    public ValidateOptionsResult Validate(string? name, DemoOptions options) =>
        options.Enabled is null || bool.TryParse(options.Enabled, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{Setting.Name("Demo:Enabled")} must be true or false.");
}

/// <summary>
/// The reference page: static files embedded in this assembly (Demo/page and the altcha widget's
/// CSP-friendly build, see Reset.Api.csproj), served at /demo when <see cref="DemoOptions"/> turns it
/// on. It calls only the public API, as a storefront's page would; off, /demo is the usual 404 problem.
/// </summary>
internal static class DemoPage
{
    public const string Path = "/demo";

    // Everything from this origin, nothing from anywhere else: no inline script or style, no frames.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "worker-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static IServiceCollection AddDemoPage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<DemoOptions, DemoOptionsValidator>(configuration, DemoOptions.Section);
        return services;
    }

    public static WebApplication UseDemoPage(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.IsOn(app.Environment))
        {
            return app;
        }

        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(Path),
            page => page.Use((context, next) =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                return next(context);
            }));
        app.UseFileServer(new FileServerOptions
        {
            RequestPath = Path,
            FileProvider = new EmbeddedFileProvider(typeof(DemoPage).Assembly, "Reset.Api.Demo.Files"),
        });
        return app;
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Reset.Api.Hosting;

/// <summary>
/// Browser protections for what people open in a browser: Swagger UI (/swagger) and the OpenAPI
/// document (/openapi) may not be framed (clickjacking), sniffed into another type, or leak their
/// address in a Referer. Every answer of the service gets nosniff. The /demo page sets its own.
/// </summary>
internal static partial class DocumentationHeaders
{
    public const string SwaggerPath = "/swagger";

    public const string OpenApiPath = "/openapi";

    /// <summary>The document is data: nothing in it may run or load, and nobody may frame it.</summary>
    private const string DocumentPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>
    /// Swagger UI's own files, its calls to this API, and the icons its stylesheet inlines as data:
    /// URLs. Its index page has two inline scripts (NSwag's template), allowed by their hashes,
    /// computed from the page as served so they always match it. Styles may be inline: the page has
    /// a style block and swagger-ui's bundle sets style attributes of its own; a style runs no code.
    /// </summary>
    private const string SwaggerUiPolicy =
        "default-src 'none'; script-src 'self'{0}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static WebApplication UseDocumentationHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            var path = context.Request.Path;
            if (path.StartsWithSegments(OpenApiPath) || path.StartsWithSegments(SwaggerPath))
            {
                headers["Referrer-Policy"] = "no-referrer";
                headers.ContentSecurityPolicy = path.StartsWithSegments(OpenApiPath)
                    ? DocumentPolicy
                    : string.Format(System.Globalization.CultureInfo.InvariantCulture, SwaggerUiPolicy, string.Empty);
            }

            return path.Equals(SwaggerPath + "/index.html", StringComparison.OrdinalIgnoreCase) ? WithInlineHashesAsync(context, next) : next(context);
        });
        return app;
    }

    /// <summary>Buffers the index page (4 KiB) to name its inline scripts in the policy.</summary>
    private static async Task WithInlineHashesAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        using var page = new MemoryStream();
        context.Response.Body = page;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var html = Encoding.UTF8.GetString(page.ToArray());
        context.Response.Headers.ContentSecurityPolicy = string.Format(System.Globalization.CultureInfo.InvariantCulture, SwaggerUiPolicy,
            Hashes(InlineScript().Matches(html)));
        page.Position = 0;
        await page.CopyToAsync(original);
    }

    /// <summary>
    /// Hashes of the inline scripts as the browser sees them: its HTML parser turns CR LF and lone CR
    /// into LF before anything else (NSwag's template mixes both endings).
    /// </summary>
    private static string Hashes(MatchCollection inline) => string.Concat(inline.Select(match =>
        $" 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(match.Groups[1].Value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'))))}'"));

    [GeneratedRegex(@"<script>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();
}

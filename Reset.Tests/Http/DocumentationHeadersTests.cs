using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Http;

/// <summary>
/// What people open in a browser (Swagger UI, the OpenAPI document, /demo) cannot be framed, sniffed
/// into another type or leak its address in a Referer; Swagger UI's inline scripts still run, allowed
/// by hash (SwaggerUiTests drive it in Chromium). Every API answer is nosniff too.
/// </summary>
public sealed partial class DocumentationHeadersTests(ResetApp app) : IClassFixture<ResetApp>
{
    [Theory]
    [InlineData("/swagger/index.html", "text/html")]
    [InlineData("/openapi/v1.json", "application/json")]
    [InlineData("/demo/", "text/html")]
    public async Task A_page_for_browsers_is_nosniff_unframeable_and_sends_no_referrer(string path, string mediaType)
    {
        using var response = await app.CreateClient().GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(mediaType);
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"]);
        Directives(response).ShouldContainKeyAndValue("frame-ancestors", "'none'");
    }

    [Fact]
    public async Task The_openapi_document_may_load_and_run_nothing()
    {
        using var response = await app.CreateClient().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);

        Directives(response).ShouldContainKeyAndValue("default-src", "'none'");
    }

    [Fact]
    public async Task Swagger_ui_allows_its_own_files_and_exactly_its_inline_scripts_by_hash()
    {
        using var response = await app.CreateClient().GetAsync(new Uri("/swagger/index.html", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        var directives = Directives(response);
        directives["default-src"].ShouldBe("'none'");
        var scripts = InlineScript().Matches(html).Select(m => Hash(m.Groups[1].Value)).ToList();
        scripts.Count.ShouldBe(2);
        directives["script-src"].Split(' ').ShouldBe(["'self'", .. scripts]);
        directives["style-src"].ShouldBe("'self' 'unsafe-inline'");
        directives["script-src"].ShouldNotContain("unsafe");
        directives["connect-src"].ShouldBe("'self'");
    }

    [Theory]
    [InlineData("/api/v1/password-policy")]
    [InlineData("/api/v1/no-such-route")]
    [InlineData("/health/live")]
    public async Task Api_answers_are_nosniff(string path)
    {
        using var response = await app.CreateClient().GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
    }

    private static Dictionary<string, string> Directives(HttpResponseMessage response) =>
        response.Headers.GetValues("Content-Security-Policy").Single()
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(directive => directive.Split(' ', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : string.Empty);

    /// <summary>As a browser hashes an inline block: after its parser made every line end LF.</summary>
    private static string Hash(string inline) =>
        $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'))))}'";

    [GeneratedRegex(@"<script>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();
}

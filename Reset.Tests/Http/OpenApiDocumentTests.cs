using NSwag;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Http;

/// <summary>
/// openapi.yaml at the repo root is the served document, committed, so reviewers see contract
/// changes in diffs. Regenerate it with scripts/update-openapi.sh after changing an endpoint.
/// </summary>
public sealed class OpenApiDocumentTests(ResetApp app) : IClassFixture<ResetApp>
{
    private static readonly string CommittedPath = Path.Combine(RepoRoot.Path, "openapi.yaml");

    [Fact]
    public async Task Served_document_matches_the_committed_openapi_yaml()
    {
        var json = await app.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        var served = Normalize((await OpenApiDocument.FromJsonAsync(json, TestContext.Current.CancellationToken)).ToYaml());

        if (Environment.GetEnvironmentVariable("RESET_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(CommittedPath, served, TestContext.Current.CancellationToken);
        }

        File.Exists(CommittedPath).ShouldBeTrue("openapi.yaml is missing; run scripts/update-openapi.sh");
        var committed = Normalize(await File.ReadAllTextAsync(CommittedPath, TestContext.Current.CancellationToken));
        served.ShouldBe(committed, "the served OpenAPI document differs from openapi.yaml; run scripts/update-openapi.sh and review the diff");
    }

    [Fact]
    public async Task Swagger_UI_is_served_at_slash_swagger()
    {
        var html = await app.CreateClient().GetStringAsync(new Uri("/swagger/index.html", UriKind.Relative), TestContext.Current.CancellationToken);

        html.ShouldContain("swagger-ui");
    }

    private static string Normalize(string yaml) => yaml.ReplaceLineEndings("\n").TrimEnd() + "\n";
}

using NJsonSchema;
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
        var served = Normalize((await ServedDocumentAsync()).ToYaml());

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

    [Fact]
    public async Task Every_POST_declares_the_optional_Idempotency_Key_header_and_its_409_and_422_and_no_GET_does()
    {
        var operations = (await ServedDocumentAsync()).Operations.ToList();

        var start = operations.Single(o => o.Operation.OperationId == "startPasswordReset").Operation;
        var header = start.Parameters.Single(p => p.Name == "Idempotency-Key");
        header.Kind.ShouldBe(OpenApiParameterKind.Header);
        header.IsRequired.ShouldBeFalse();
        header.Schema.Type.ShouldBe(JsonObjectType.String);
        header.Schema.MaxLength.ShouldBe(255); // IdempotencyMiddleware's limit; IdempotencyTests sends 256 and gets 400
        start.Responses["409"].Description.ShouldContain("idempotency_in_progress");
        start.Responses["422"].Description.ShouldContain("idempotency_key_reused");
        // An endpoint's own 409 keeps its words.
        operations.Single(o => o.Operation.OperationId == "verifyPasswordResetCode").Operation.Responses["409"].Description
            .ShouldSatisfyAllConditions(d => d.ShouldContain("ticket_state"), d => d.ShouldContain("idempotency_in_progress"));

        var posts = operations.Where(o => o.Method == OpenApiOperationMethod.Post).ToList();
        posts.Count.ShouldBe(8); // six public, two internal
        posts.ShouldAllBe(o => o.Operation.Parameters.Count(p => p.Name == "Idempotency-Key" && p.Kind == OpenApiParameterKind.Header) == 1
            && o.Operation.Responses.ContainsKey("422"));
        var gets = operations.Where(o => o.Method == OpenApiOperationMethod.Get).ToList();
        gets.ShouldNotBeEmpty();
        gets.ShouldAllBe(o => o.Operation.Parameters.All(p => p.Name != "Idempotency-Key") && !o.Operation.Responses.ContainsKey("422"));
    }

    private async Task<OpenApiDocument> ServedDocumentAsync()
    {
        var json = await app.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        return await OpenApiDocument.FromJsonAsync(json, TestContext.Current.CancellationToken);
    }

    private static string Normalize(string yaml) => yaml.ReplaceLineEndings("\n").TrimEnd() + "\n";
}

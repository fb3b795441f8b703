using System.Dynamic;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using NJsonSchema;
using NSwag;
using Reset.Tests.Fixtures;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;

namespace Reset.Tests.Http;

/// <summary>
/// openapi.yaml at the repo root is the served document, committed, so reviewers see contract
/// changes in diffs. Regenerate it with scripts/update-openapi.sh after changing an endpoint.
/// </summary>
public sealed partial class OpenApiDocumentTests(ResetApp app) : IClassFixture<ResetApp>
{
    private static readonly string CommittedPath = Path.Combine(RepoRoot.Path, "openapi.yaml");

    [Fact]
    public async Task Served_document_matches_the_committed_openapi_yaml()
    {
        var served = Normalize(ToYaml(await ServedDocumentAsync()));

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
    public async Task Every_POST_that_changes_something_declares_the_optional_Idempotency_Key_header_and_its_409_and_422_and_no_other_does()
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

        // The password evaluation changes nothing: a retry simply runs again, and leaves no record.
        var posts = operations.Where(o => o.Method == OpenApiOperationMethod.Post && o.Operation.OperationId != "evaluatePassword").ToList();
        posts.Count.ShouldBe(7); // five public, two internal
        posts.ShouldAllBe(o => o.Operation.Parameters.Count(p => p.Name == "Idempotency-Key" && p.Kind == OpenApiParameterKind.Header) == 1
            && o.Operation.Responses.ContainsKey("422"));
        var others = operations.Except(posts).ToList();
        others.Count(o => o.Method == OpenApiOperationMethod.Get).ShouldBeGreaterThan(0);
        others.Count(o => o.Operation.OperationId == "evaluatePassword").ShouldBe(1);
        others.ShouldAllBe(o => o.Operation.Parameters.All(p => p.Name != "Idempotency-Key") && !o.Operation.Responses.ContainsKey("422"));
    }

    private async Task<OpenApiDocument> ServedDocumentAsync()
    {
        var json = await app.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        return await OpenApiDocument.FromJsonAsync(json, TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// NSwag's ToYaml, with two faults mended that YAML readers (Spectral, openapi-typescript) trip on:
    /// it wrote strings that look like numbers bare, so response keys (400:) and the example code
    /// 042917 read back as integers; and it turned date-like example strings into DateTimes.
    /// </summary>
    private static string ToYaml(OpenApiDocument document)
    {
        var tree = JsonConvert.DeserializeObject<ExpandoObject>(document.ToJson(),
            new JsonSerializerSettings { DateParseHandling = DateParseHandling.None, Converters = [new ExpandoObjectConverter()] });
        return new SerializerBuilder()
            .WithQuotingNecessaryStrings(quoteYaml1_1Strings: true)
            .WithEventEmitter(next => new QuoteNumberLikeStrings(next))
            .Build()
            .Serialize(tree!);
    }

    /// <summary>YamlDotNet leaves 042917 bare, which YAML 1.2 reads as the integer 42917; dates bare read as timestamps in YAML 1.1.</summary>
    private sealed partial class QuoteNumberLikeStrings(IEventEmitter next) : ChainedEventEmitter(next)
    {
        public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
        {
            if (eventInfo.Source.Value is string text && NumberOrTimestamp().IsMatch(text))
            {
                eventInfo.Style = ScalarStyle.DoubleQuoted;
            }

            base.Emit(eventInfo, emitter);
        }

        [GeneratedRegex(@"^([-+]?[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?|[-+]?\.[0-9]+([eE][-+]?[0-9]+)?|0[xo][0-9a-fA-F]+|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?)$")]
        private static partial Regex NumberOrTimestamp();
    }

    private static string Normalize(string yaml) => yaml.ReplaceLineEndings("\n").TrimEnd() + "\n";
}

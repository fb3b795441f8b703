using System.Reflection;
using NSwag;
using Reset.Api.Problems;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Http;

/// <summary>
/// The served OpenAPI document tells a client everything it needs per operation: what it does, an
/// example body to send, and every problem answer it can get, each naming its problem code.
/// </summary>
public sealed class OpenApiCompletenessTests(ResetApp app) : IClassFixture<ResetApp>
{
    /// <summary>Operations that answer from memory, touching neither PostgreSQL nor Redis, so they cannot answer 503.</summary>
    private static readonly string[] AnsweredFromMemory = ["getHumanCheck", "getPasswordPolicy", "getLiveness"];

    private static readonly string[] KnownProblemCodes = [.. typeof(ProblemCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral)
        .Select(field => (string)field.GetRawConstantValue()!)];

    [Fact]
    public async Task Every_operation_has_an_id_a_summary_and_a_tag()
    {
        var operations = await OperationsAsync();

        operations.Count.ShouldBeGreaterThanOrEqualTo(12);
        foreach (var (name, operation) in operations)
        {
            operation.OperationId.ShouldNotBeNullOrWhiteSpace(name);
            operation.Summary.ShouldNotBeNullOrWhiteSpace(name);
            operation.Tags.ShouldNotBeEmpty(name);
        }
    }

    [Fact]
    public async Task Every_request_body_comes_with_an_example()
    {
        var withBodies = (await OperationsAsync()).Where(o => o.Operation.RequestBody is not null).ToList();

        withBodies.Count.ShouldBeGreaterThanOrEqualTo(6);
        foreach (var (name, operation) in withBodies)
        {
            operation.RequestBody.Content.ShouldNotBeEmpty(name);
            foreach (var (contentType, media) in operation.RequestBody.Content)
            {
                (media.Example ?? media.Schema?.ActualSchema.Example).ShouldNotBeNull($"{name} {contentType} has no example body");
            }
        }
    }

    [Fact]
    public async Task Every_problem_answer_is_problem_json_and_names_its_codes()
    {
        var document = await DocumentAsync();
        var operations = Operations(document);
        var apiProblem = document.Components.Schemas["ApiProblem"];

        foreach (var (name, operation) in operations)
        {
            foreach (var (status, response) in operation.Responses.Where(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture) >= 400))
            {
                response.Content.Keys.ShouldBe(["application/problem+json"], $"{name} {status}");
                response.Content["application/problem+json"].Schema.ActualSchema.ShouldBeSameAs(apiProblem, $"{name} {status}");
                KnownProblemCodes.ShouldContain(code => response.Description.Contains(code, StringComparison.Ordinal),
                    $"{name} {status} must say which problem codes it answers with, not \"{response.Description}\"");
            }
        }
    }

    [Fact]
    public async Task Every_operation_lists_the_problems_it_can_answer()
    {
        var operations = await OperationsAsync();

        foreach (var (name, operation) in operations)
        {
            var listed = operation.Responses.Keys.ToList();
            if (name.StartsWith("POST ", StringComparison.Ordinal))
            {
                // Every POST reads a body; the public ones are rate-limited (internal callers hold keys
                // that cannot be guessed, and are not limited).
                listed.ShouldContain("400", name);
                if (!name.Contains(" /internal/", StringComparison.Ordinal))
                {
                    listed.ShouldContain("429", name);
                }
            }

            if (name.Contains("{ticketId}", StringComparison.Ordinal))
            {
                listed.ShouldContain("404", name);
            }

            if (!AnsweredFromMemory.Contains(operation.OperationId))
            {
                listed.ShouldContain("503", $"{name} needs PostgreSQL or Redis, so it can answer dependency_unavailable");
            }
        }
    }

    private async Task<List<(string Name, OpenApiOperation Operation)>> OperationsAsync() => Operations(await DocumentAsync());

    private static List<(string Name, OpenApiOperation Operation)> Operations(OpenApiDocument document) =>
        [.. document.Operations.Select(o => ($"{o.Method.ToUpperInvariant()} {o.Path}", o.Operation))];

    private async Task<OpenApiDocument> DocumentAsync()
    {
        var json = await app.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        return await OpenApiDocument.FromJsonAsync(json, TestContext.Current.CancellationToken);
    }
}

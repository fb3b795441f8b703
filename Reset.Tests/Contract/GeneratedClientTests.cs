using Reset.Tests.Fixtures;

namespace Reset.Tests.Contract;

/// <summary>
/// Generated/ResetServiceClient.cs is what NSwag makes of openapi.yaml with contract/nswag.json, the
/// C# client a backend would generate. scripts/update-openapi.sh regenerates it after openapi.yaml.
/// </summary>
public sealed class GeneratedClientTests
{
    private static readonly string Committed = Path.Combine(RepoRoot.Path, "Reset.Tests", "Contract", "Generated", "ResetServiceClient.cs");

    [Fact]
    public async Task The_committed_NSwag_client_is_what_NSwag_generates_from_openapi_yaml()
    {
        var fresh = Path.Combine(Path.GetTempPath(), $"ResetServiceClient-{Guid.NewGuid():N}.cs");
        try
        {
            // The tool is pinned in .config/dotnet-tools.json; ./test.sh runs dotnet tool restore.
            var run = await Tool.RunAsync(RepoRoot.Path, "dotnet", "nswag", "run", "contract/nswag.json", $"/variables:ClientOutput={fresh}");
            run.ShouldSucceed();

            var generated = await File.ReadAllTextAsync(fresh, TestContext.Current.CancellationToken);
            var committed = await File.ReadAllTextAsync(Committed, TestContext.Current.CancellationToken);
            generated.ShouldContain("public partial class ResetServiceClient");
            committed.ReplaceLineEndings("\n").ShouldBe(generated.ReplaceLineEndings("\n"),
                "the committed NSwag client differs from what openapi.yaml generates; run scripts/update-openapi.sh and commit the diff");
        }
        finally
        {
            File.Delete(fresh);
        }
    }
}

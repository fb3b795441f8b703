using Reset.Tests.Fixtures;

namespace Reset.Tests.Contract;

/// <summary>
/// openapi.yaml is consumable by the usual tools: Spectral's OpenAPI rules find no error, and the
/// TypeScript types openapi-typescript makes from it type-check contract/storefront.ts (which walks the
/// journey) and refuse the wrong calls of contract/wrong-calls.ts. The npm packages are pinned by
/// contract/package-lock.json and installed by ./test.sh (npm ci); without them these tests fail.
/// </summary>
public sealed class ContractToolingTests
{
    private static readonly string Folder = Path.Combine(RepoRoot.Path, "contract");

    [Fact]
    public async Task Spectral_finds_no_errors_in_openapi_yaml()
    {
        RequireInstalled("@stoplight/spectral-cli");

        var run = await Tool.RunAsync(Folder, "npm", "run", "lint");

        run.ShouldSucceed(); // warnings are allowed; the output lists them
    }

    [Fact]
    public async Task Spectral_fails_a_document_with_an_error()
    {
        RequireInstalled("@stoplight/spectral-cli");
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.yaml");
        // What NSwag's own YAML writer used to produce: a response code as a bare number.
        var yaml = (await File.ReadAllTextAsync(Path.Combine(RepoRoot.Path, "openapi.yaml"), TestContext.Current.CancellationToken))
            .Replace("\"200\":", "200:", StringComparison.Ordinal);
        await File.WriteAllTextAsync(broken, yaml, TestContext.Current.CancellationToken);
        try
        {
            var run = await Tool.RunAsync(Folder, "npm", "exec", "--no", "--", "spectral", "lint", broken, "--fail-severity", "error");

            run.ExitCode.ShouldNotBe(0, run.Output);
            run.Output.ShouldContain("Mapping key must be a string scalar");
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public async Task The_storefront_client_compiles_against_TypeScript_types_generated_from_openapi_yaml()
    {
        RequireInstalled("openapi-typescript");
        RequireInstalled("typescript");
        var types = Path.Combine(Folder, "generated", "reset-api.ts");
        // On a fresh clone the generated/ folder does not exist yet (File.Delete would throw).
        if (File.Exists(types))
        {
            File.Delete(types);
        }

        (await Tool.RunAsync(Folder, "npm", "run", "types")).ShouldSucceed();
        File.ReadAllText(types).ShouldContain("\"/api/v1/password-resets/{ticketId}/verification\"");
        (await Tool.RunAsync(Folder, "npm", "run", "typecheck")).ShouldSucceed();
    }

    private static void RequireInstalled(string package) =>
        Directory.Exists(Path.Combine(Folder, "node_modules", package)).ShouldBeTrue(
            $"{package} is not installed. ./test.sh installs it; by hand: npm ci --prefix contract");
}

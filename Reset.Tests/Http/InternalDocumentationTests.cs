using System.Text.Json;
using Reset.Api.Hosting;
using Reset.Tests.Fixtures;
using Reset.Tests.HumanCheck;

namespace Reset.Tests.Http;

/// <summary>
/// The internal API's description (every /internal/v1 operation, its scopes) is served only when
/// Swagger:IncludeInternal is true: by default in Development (so openapi.yaml is the whole API), never
/// by default in Production.
/// </summary>
public sealed class InternalDocumentationTests(InternalDocumentationTests.Apps apps) : IClassFixture<InternalDocumentationTests.Apps>
{
    [Fact]
    public async Task By_default_Production_serves_a_document_without_the_internal_api()
    {
        var document = await DocumentAsync(apps.Production);

        Paths(document).ShouldNotBeEmpty();
        Paths(document).ShouldAllBe(path => !path.StartsWith("/internal", StringComparison.Ordinal));
        Paths(document).ShouldContain("/api/v1/password-resets");
        document.GetProperty("components").TryGetProperty("securitySchemes", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task With_IncludeInternal_true_Production_describes_the_internal_api_too()
    {
        Paths(await DocumentAsync(apps.ProductionWithInternal)).ShouldContain("/internal/v1/users/{id}");
    }

    [Fact]
    public async Task Development_describes_the_internal_api_by_default()
    {
        Paths(await DocumentAsync(apps.Development)).ShouldContain("/internal/v1/users/{id}");
    }

    [Fact]
    public void A_value_other_than_true_or_false_is_named_before_the_service_starts()
    {
        new SwaggerOptionsValidator().Validate(null, new SwaggerOptions { IncludeInternal = "yes" }).FailureMessage
            .ShouldBe("Swagger__IncludeInternal (Swagger:IncludeInternal) must be true or false.");
    }

    private static async Task<JsonElement> DocumentAsync(ResetApp app) =>
        JsonDocument.Parse(await app.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken)).RootElement;

    private static List<string> Paths(JsonElement document) => [.. document.GetProperty("paths").EnumerateObject().Select(path => path.Name)];

    public sealed class Apps : IAsyncLifetime
    {
        public ResetApp Production { get; } = new() { EnvironmentName = "Production" };

        public ResetApp ProductionWithInternal { get; } = new() { EnvironmentName = "Production" };

        public ResetApp Development { get; } = new();

        public async ValueTask InitializeAsync()
        {
            foreach (var production in new[] { Production, ProductionWithInternal })
            {
                await production.InitializeAsync();
                production.Settings["HumanCheck:Provider"] = "altcha";
                production.Settings["HumanCheck:Secret"] = AltchaApp.Secret;
                production.Settings["Email:Smtp:Host"] = "127.0.0.1";
            }

            ProductionWithInternal.Settings["Swagger:IncludeInternal"] = "true";
            await Development.InitializeAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await Production.DisposeAsync();
            await ProductionWithInternal.DisposeAsync();
            await Development.DisposeAsync();
        }
    }
}

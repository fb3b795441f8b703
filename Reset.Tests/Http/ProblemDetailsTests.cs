using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Http;

/// <summary>Every error is RFC 9457 problem details with a stable code, even before an endpoint runs.</summary>
public sealed class ProblemDetailsTests(ResetApp app) : IClassFixture<ResetApp>
{
    [Fact]
    public async Task Unknown_route_answers_404_problem_details_with_code_not_found()
    {
        using var response = await app.CreateClient().GetAsync(new Uri("/api/v1/no-such-thing", UriKind.Relative), TestContext.Current.CancellationToken);

        var problem = await ShouldBeProblemAsync(response, HttpStatusCode.NotFound);
        problem.GetProperty("code").GetString().ShouldBe("not_found");
        problem.GetProperty("instance").GetString().ShouldBe("/api/v1/no-such-thing");
    }

    [Fact]
    public async Task Wrong_method_answers_405_problem_details_with_code_method_not_allowed()
    {
        using var response = await app.CreateClient().DeleteAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);

        var problem = await ShouldBeProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        problem.GetProperty("code").GetString().ShouldBe("method_not_allowed");
    }

    [Fact]
    public async Task A_body_over_64_KiB_is_refused_with_413_before_it_is_read()
    {
        using var content = new ByteArrayContent(new byte[65 * 1024]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await app.CreateClient().PostAsync(new Uri("/api/v1/password-resets", UriKind.Relative), content, TestContext.Current.CancellationToken);

        (await ShouldBeProblemAsync(response, HttpStatusCode.RequestEntityTooLarge)).GetProperty("code").GetString().ShouldBe("payload_too_large");
    }

    [Fact]
    public async Task Answers_are_never_cached()
    {
        using var ok = await app.CreateClient().GetAsync(new Uri("/api/v1/password-policy", UriKind.Relative), TestContext.Current.CancellationToken);
        using var problem = await app.CreateClient().GetAsync(new Uri("/api/v1/password-resets/aaaaaaaaaaaaaaaaaaaaaaaaaa", UriKind.Relative), TestContext.Current.CancellationToken);

        ok.Headers.CacheControl!.NoStore.ShouldBeTrue();
        problem.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    internal static async Task<JsonElement> ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        problem.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        problem.GetProperty("type").GetString().ShouldNotBeNullOrWhiteSpace();
        return problem;
    }
}

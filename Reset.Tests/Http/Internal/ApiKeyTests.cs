using System.Net;
using System.Net.Http.Json;
using System.Text;
using Reset.Api.ApiKeys;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Http.Internal;

/// <summary>
/// Every internal endpoint refuses a call without a key (401 api_key_missing), with a key it does not
/// know (401 api_key_invalid), and with a known key that lacks its scope (403 scope_missing), before
/// it looks at the request; the public API is not affected by any of it.
/// </summary>
public sealed class ApiKeyTests(InternalApiApp app) : IClassFixture<InternalApiApp>
{
    private const string SomeUser = "/internal/v1/users/019ac3a1-2b3c-7d4e-8f50-6a7b8c9d0e1f";

    public static TheoryData<string, string, string> Endpoints => new()
    {
        { "GET", SomeUser, ApiScopes.UsersRead },
        { "PUT", SomeUser, ApiScopes.UsersWrite },
        { "POST", SomeUser + "/password-resets", ApiScopes.ResetsStart },
        { "GET", "/internal/v1/support-requests", ApiScopes.SupportRead },
        { "POST", "/internal/v1/support-requests/SR-2222-2222/resolution", ApiScopes.SupportWrite },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_call_without_a_key_is_401_api_key_missing_with_a_bearer_challenge(string method, string path, string scope)
    {
        using var response = await SendAsync(app.Client(null), method, path);

        var problem = await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.Unauthorized);
        problem.GetProperty("code").GetString().ShouldBe("api_key_missing", $"{method} {path} ({scope})");
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer realm=\"reset-service internal API\"");
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_call_with_an_unknown_key_is_401_api_key_invalid(string method, string path, string scope)
    {
        var unknown = ApiKey.New();

        using var response = await SendAsync(app.Client(unknown), method, path);

        var problem = await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.Unauthorized);
        problem.GetProperty("code").GetString().ShouldBe("api_key_invalid", $"{method} {path} ({scope})");
        response.Headers.WwwAuthenticate.ToString().ShouldContain("error=\"invalid_token\"");
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldNotContain(unknown);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_known_key_without_the_scope_is_403_scope_missing_naming_the_scope(string method, string path, string scope)
    {
        // The reader key has users:read only; the support key has everything but the users scopes.
        var key = scope == ApiScopes.UsersRead ? app.SupportKey : app.ReaderKey;

        using var response = await SendAsync(app.Client(key), method, path);

        var problem = await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.Forbidden);
        problem.GetProperty("code").GetString().ShouldBe("scope_missing");
        problem.GetProperty("requiredScopes").EnumerateArray().Select(s => s.GetString()).ShouldBe([scope]);
    }

    [Fact]
    public async Task The_key_of_the_right_service_passes()
    {
        using var response = await app.Client(app.ReaderKey).GetAsync(new Uri(SomeUser, UriKind.Relative), TestContext.Current.CancellationToken);

        // Past authentication and authorization: the endpoint itself answers that no such customer exists.
        (await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.NotFound)).GetProperty("code").GetString().ShouldBe("user_not_found");
    }

    [Theory]
    [InlineData("Basic")]
    [InlineData("X-Api-Key")]
    [InlineData("Bearer-no-space")]
    public async Task A_key_sent_any_other_way_than_Authorization_Bearer_counts_as_missing(string how)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, SomeUser);
        switch (how)
        {
            case "Basic":
                request.Headers.TryAddWithoutValidation("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ops:" + app.OpsKey)));
                break;
            case "X-Api-Key":
                request.Headers.Add("X-Api-Key", app.OpsKey);
                break;
            default:
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer" + app.OpsKey);
                break;
        }

        using var response = await app.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);

        (await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.Unauthorized)).GetProperty("code").GetString().ShouldBe("api_key_missing");
    }

    [Fact]
    public async Task Refused_calls_change_nothing_and_are_checked_before_the_body()
    {
        var id = Guid.CreateVersion7();
        var body = new { email = $"refused.{id:N}@example.com", locale = "en", status = "active", initialPassword = "violet kettle drums at noon" };

        using var missing = await app.Client(null).PutAsJsonAsync($"/internal/v1/users/{id}", new { email = "not an address" }, TestContext.Current.CancellationToken);
        using var forbidden = await app.Client(app.ReaderKey).PutAsJsonAsync($"/internal/v1/users/{id}", body, TestContext.Current.CancellationToken);

        missing.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var read = await app.Client(app.OpsKey).GetAsync(new Uri($"/internal/v1/users/{id}", UriKind.Relative), TestContext.Current.CancellationToken);
        read.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_remembered_answer_is_never_replayed_to_a_caller_without_the_key()
    {
        var customer = await app.ProvisionAsync();
        var idempotencyKey = Guid.NewGuid().ToString();

        using var first = new HttpRequestMessage(HttpMethod.Post, $"/internal/v1/users/{customer.Id}/password-resets");
        first.Headers.Add("Idempotency-Key", idempotencyKey);
        using var started = await app.Client(app.SupportKey).SendAsync(first, TestContext.Current.CancellationToken);
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted);

        using var again = new HttpRequestMessage(HttpMethod.Post, $"/internal/v1/users/{customer.Id}/password-resets");
        again.Headers.Add("Idempotency-Key", idempotencyKey);
        using var replay = await app.Client(null).SendAsync(again, TestContext.Current.CancellationToken);

        (await ProblemDetailsTests.ShouldBeProblemAsync(replay, HttpStatusCode.Unauthorized)).GetProperty("code").GetString().ShouldBe("api_key_missing");
        replay.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
    }

    [Fact]
    public async Task The_public_API_ignores_an_Authorization_header()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/password-resets")
        {
            Content = JsonContent.Create(new { login = "somebody@example.com", humanCheckToken = "test-token" }),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer not-a-key");

        using var response = await app.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET")
        {
            request.Content = JsonContent.Create(new { note = "x", email = "x@example.com", locale = "en", status = "active" });
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}

/// <summary>With no keys configured the internal API is there, and refuses every key.</summary>
public sealed class NoApiKeysTests(ResetApp app) : IClassFixture<ResetApp>
{
    [Fact]
    public async Task Without_configured_keys_every_key_is_refused()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiKey.New());

        using var response = await client.GetAsync(new Uri("/internal/v1/support-requests", UriKind.Relative), TestContext.Current.CancellationToken);

        (await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.Unauthorized)).GetProperty("code").GetString().ShouldBe("api_key_invalid");
    }
}

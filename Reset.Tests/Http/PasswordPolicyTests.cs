using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Http;

/// <summary>GET /api/v1/password-policy and POST /api/v1/password-policy/evaluations on the real app.</summary>
public sealed class PasswordPolicyTests(ResetApp app) : IClassFixture<ResetApp>
{
    private const string Evaluations = "/api/v1/password-policy/evaluations";

    [Fact]
    public async Task The_policy_answers_the_rules_in_force()
    {
        using var response = await app.CreateClient().GetAsync(new Uri("/api/v1/password-policy", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var policy = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        policy.GetProperty("minLength").GetInt32().ShouldBe(12);
        policy.GetProperty("maxLength").GetInt32().ShouldBe(128);
        policy.GetProperty("minScore").GetInt32().ShouldBe(3);
        policy.GetProperty("requireDigit").GetBoolean().ShouldBeFalse();
        policy.GetProperty("requireUppercase").GetBoolean().ShouldBeFalse();
        policy.GetProperty("requireLowercase").GetBoolean().ShouldBeFalse();
        policy.GetProperty("rejectsCommonPasswords").GetBoolean().ShouldBeTrue();
        policy.GetProperty("advice").GetString().ShouldStartWith("Use 12 to 128 characters");
    }

    [Fact]
    public async Task A_strong_password_is_acceptable_and_the_answer_is_not_stored()
    {
        using var response = await EvaluateAsync("""{"password": "blue cactus river lamp"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var evaluation = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        evaluation.GetProperty("acceptable").GetBoolean().ShouldBeTrue();
        evaluation.GetProperty("score").GetInt32().ShouldBeGreaterThanOrEqualTo(3);
        evaluation.GetProperty("violations").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_common_password_is_refused_with_each_rule_it_breaks()
    {
        using var response = await EvaluateAsync("""{"password": "Password1234"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var evaluation = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        evaluation.GetProperty("acceptable").GetBoolean().ShouldBeFalse();
        evaluation.GetProperty("score").GetInt32().ShouldBe(0);
        Codes(evaluation).ShouldBe(["common_password", "too_weak"]);
        evaluation.GetProperty("violations")[0].GetProperty("message").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task A_short_password_is_too_short()
    {
        using var response = await EvaluateAsync("""{"password": "Kt9!pW2@"}""");

        Codes(await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).ShouldContain("too_short");
    }

    [Fact]
    public async Task A_password_longer_than_the_policy_allows_is_a_violation_not_a_bad_request()
    {
        using var response = await EvaluateAsync(JsonSerializer.Serialize(new { password = new string('k', 200) }));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Codes(await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).ShouldContain("too_long");
    }

    [Theory]
    [InlineData("john.smith@example.com", "john.smith rides again 77", "contains_email_local_part")]
    [InlineData("Buyer_1982", "buyer_1982 rides again 77", "contains_login")]
    public async Task A_password_containing_the_login_is_refused(string login, string password, string code)
    {
        using var response = await EvaluateAsync(JsonSerializer.Serialize(new { password, login }));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var evaluation = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        evaluation.GetProperty("acceptable").GetBoolean().ShouldBeFalse();
        Codes(evaluation).ShouldContain(code);
    }

    [Fact]
    public async Task A_password_containing_the_shop_name_is_refused()
    {
        using var response = await EvaluateAsync("""{"password": "my example shop account 77"}""");

        Codes(await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).ShouldContain("contains_shop_name");
    }

    [Fact]
    public async Task The_answer_never_echoes_the_password()
    {
        const string password = "Zq7#unique-marker-Zq7#";
        using var response = await EvaluateAsync(JsonSerializer.Serialize(new { password, login = "someone@example.com" }));

        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldNotContain("unique-marker");
    }

    [Theory]
    [InlineData("this is not JSON")]
    [InlineData("""{"password": "blue cactus""")]
    [InlineData("""["blue cactus river lamp"]""")]
    [InlineData("""{"password": 123456789012345}""")]
    [InlineData("""{"password": {"value": "blue cactus river lamp"}}""")]
    [InlineData("""{"password": "blue \ud800 cactus"}""")]
    public async Task A_body_that_is_not_JSON_of_the_right_shape_is_a_malformed_request(string body)
    {
        using var response = await EvaluateAsync(body);

        var problem = await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().ShouldBe("malformed_request");
    }

    [Fact]
    public async Task A_number_for_the_password_names_the_password_field()
    {
        using var response = await EvaluateAsync("""{"password": 123456789012345}""");

        var problem = await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("password", out _).ShouldBeTrue();
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"password": null}""")]
    [InlineData("""{"login": "john@example.com"}""")]
    public async Task A_missing_password_fails_validation_naming_the_field(string body)
    {
        using var response = await EvaluateAsync(body);

        var problem = await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().ShouldBe("validation_failed");
        problem.GetProperty("errors").GetProperty("password")[0].GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task An_over_long_password_field_fails_validation_without_quoting_it()
    {
        var password = "Zq7#" + new string('k', 4093);
        using var response = await EvaluateAsync(JsonSerializer.Serialize(new { password }));

        var problem = await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().ShouldBe("validation_failed");
        problem.GetProperty("errors").TryGetProperty("password", out _).ShouldBeTrue();
        problem.GetRawText().ShouldNotContain("Zq7#");
    }

    [Fact]
    public async Task An_over_long_login_fails_validation()
    {
        using var response = await EvaluateAsync(JsonSerializer.Serialize(new { password = "blue cactus river lamp", login = new string('a', 321) }));

        var problem = await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("login", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_password_in_the_query_string_is_ignored()
    {
        using var content = new StringContent("{}", Encoding.UTF8, "application/json");
        using var response = await app.CreateClient().PostAsync(
            new Uri(Evaluations + "?password=blue+cactus+river+lamp", UriKind.Relative), content, TestContext.Current.CancellationToken);

        var problem = await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().ShouldBe("validation_failed");
    }

    private async Task<HttpResponseMessage> EvaluateAsync(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await app.CreateClient().PostAsync(new Uri(Evaluations, UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    private static string[] Codes(JsonElement evaluation) =>
        [.. evaluation.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("code").GetString()!)];
}

/// <summary>The policy an operator configures is the one enforced and advertised.</summary>
public sealed class ConfiguredPasswordPolicyTests(ConfiguredPasswordPolicyTests.App app) : IClassFixture<ConfiguredPasswordPolicyTests.App>
{
    public sealed class App : ResetApp
    {
        public App()
        {
            Settings["PasswordPolicy:MinLength"] = "16";
            Settings["PasswordPolicy:MaxLength"] = "256";
            Settings["PasswordPolicy:RequireDigit"] = "true";
            Settings["Shop:Name"] = "Acme Bricks";
        }
    }

    [Fact]
    public async Task The_policy_answers_the_configured_rules()
    {
        var policy = await app.CreateClient().GetFromJsonAsync<JsonElement>(new Uri("/api/v1/password-policy", UriKind.Relative), TestContext.Current.CancellationToken);

        policy.GetProperty("minLength").GetInt32().ShouldBe(16);
        policy.GetProperty("maxLength").GetInt32().ShouldBe(256);
        policy.GetProperty("requireDigit").GetBoolean().ShouldBeTrue();
        policy.GetProperty("advice").GetString()!.ShouldContain("Include at least a digit.");
        policy.GetProperty("advice").GetString()!.ShouldContain("Acme Bricks");
    }

    [Fact]
    public async Task The_configured_rules_are_enforced()
    {
        using var content = new StringContent("""{"password": "acme bricks and mortar"}""", Encoding.UTF8, "application/json");
        using var response = await app.CreateClient().PostAsync(new Uri("/api/v1/password-policy/evaluations", UriKind.Relative), content, TestContext.Current.CancellationToken);

        var evaluation = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var codes = evaluation.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("code").GetString()).ToList();
        codes.ShouldContain("needs_digit");
        codes.ShouldContain("contains_shop_name");
    }
}

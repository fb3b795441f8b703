using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reset.Domain.Accounts;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Http.PasswordResets;

public sealed class StartTests(JourneyApp app) : IClassFixture<JourneyApp>
{
    [Fact]
    public async Task Start_with_an_email_answers_201_with_the_masked_address_and_both_methods()
    {
        var customer = await app.CreateCustomerAsync();

        using var response = await app.StartAsync(customer.Email);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var ticketId = body.GetProperty("ticketId").GetString()!;
        ticketId.ShouldMatch("^[a-z2-7]{26}$");
        response.Headers.Location!.ToString().ShouldBe("/api/v1/password-resets/" + ticketId);
        body.GetProperty("status").GetString().ShouldBe("started");
        body.GetProperty("expiresAt").GetDateTimeOffset().ShouldBe(app.Time.GetUtcNow().AddMinutes(30), TimeSpan.FromSeconds(10));
        var methods = body.GetProperty("methods");
        methods[0].GetProperty("method").GetString().ShouldBe("email");
        methods[0].GetProperty("destination").GetString().ShouldBe($"c***{customer.Email.Split('@')[0][^1]}@e***.com");
        methods[1].GetProperty("method").GetString().ShouldBe("support");
    }

    [Fact]
    public async Task Start_with_a_member_id_shows_no_destination()
    {
        var customer = await app.CreateCustomerAsync();

        using var response = await app.StartAsync(customer.MemberId);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var email = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("methods")[0];
        email.GetProperty("destination").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Starting_a_reset_changes_nothing_on_the_account()
    {
        var customer = await app.CreateCustomerAsync();
        var before = await AccountRows.ReadAsync(app, customer.Id);

        await app.StartTicketAsync(customer.Email);

        var after = await AccountRows.ReadAsync(app, customer.Id);
        after.ShouldBe(before);
    }

    [Theory]
    [InlineData(AccountStatus.Locked)]
    [InlineData(AccountStatus.Disabled)]
    public async Task Locked_and_disabled_accounts_get_a_ticket_like_anyone_else(AccountStatus status)
    {
        var customer = await app.CreateCustomerAsync(status);

        using var response = await app.StartAsync(customer.Email);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        body.GetProperty("status").GetString().ShouldBe("started");
    }

    [Fact]
    public async Task Unknown_login_gets_a_decoy_ticket_with_the_same_status_body_and_headers()
    {
        var customer = await app.CreateCustomerAsync();
        var stranger = $"nobody.{Guid.NewGuid():N}@example.com";

        using var real = await app.StartAsync(customer.Email);
        using var decoy = await app.StartAsync(stranger);

        decoy.StatusCode.ShouldBe(real.StatusCode);
        HeaderNames(decoy).ShouldBe(HeaderNames(real));
        var realBody = await real.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var decoyBody = await decoy.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Shape(decoyBody).ShouldBe(Shape(realBody));
        decoyBody.GetProperty("methods")[0].GetProperty("destination").GetString().ShouldBe("n***" + stranger.Split('@')[0][^1] + "@e***.com");
    }

    [Fact]
    public async Task Human_check_is_verified_before_anything_else()
    {
        var customer = await app.CreateCustomerAsync();

        using var response = await app.StartAsync(customer.Email, humanCheckToken: "");

        var problem = await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().ShouldBe("human_check_failed");
    }

    [Theory]
    [InlineData("")]
    [InlineData("not an email or id")]
    [InlineData("john@")]
    [InlineData("john@example.com\r\nBcc: victim@example.com")]
    public async Task A_login_that_is_neither_an_email_nor_a_member_id_is_a_validation_failure(string login)
    {
        using var response = await app.StartAsync(login);

        var problem = await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().ShouldBe("validation_failed");
        problem.GetProperty("errors").TryGetProperty("login", out _).ShouldBeTrue();
    }

    internal static string[] HeaderNames(HttpResponseMessage response) =>
        [.. response.Headers.Select(h => h.Key).Concat(response.Content.Headers.Select(h => h.Key)).Where(h => h != "Content-Length").Order()];

    /// <summary>Property names and value kinds, recursively: everything but the values themselves.</summary>
    internal static string Shape(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().Select(p => p.Name + ":" + Shape(p.Value))) + "}",
        JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(Shape)) + "]",
        _ => element.ValueKind.ToString(),
    };
}

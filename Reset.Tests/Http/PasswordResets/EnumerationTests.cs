using System.Net.Http.Json;
using System.Text.Json;
using Reset.Domain.Accounts;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Http.PasswordResets;

/// <summary>
/// Every step a stranger can take answers a customer's login and any other login alike: the same
/// status, the same headers, the same body shape. Only random ids, times and masked letters differ.
/// </summary>
public sealed class EnumerationTests(JourneyApp app) : IClassFixture<JourneyApp>
{
    [Theory]
    [InlineData("unknown")]
    [InlineData("locked")]
    [InlineData("disabled")]
    public async Task Every_step_answers_a_customer_and_a_non_customer_alike(string other)
    {
        var customer = await app.CreateCustomerAsync();
        var otherLogin = other switch
        {
            "locked" => (await app.CreateCustomerAsync(AccountStatus.Locked)).Email,
            "disabled" => (await app.CreateCustomerAsync(AccountStatus.Disabled)).Email,
            _ => $"nobody.{Guid.NewGuid():N}@example.com",
        };

        var real = await WalkAsync(customer.Email);
        var decoy = await WalkAsync(otherLogin);

        decoy.Count.ShouldBe(real.Count);
        for (var step = 0; step < real.Count; step++)
        {
            decoy[step].ShouldBe(real[step], $"step {step + 1} differs");
        }
    }

    [Theory]
    [InlineData("uk", "uk")]
    [InlineData("ru", "uk")]
    [InlineData("en", "ru")]
    public async Task A_customers_stored_language_shows_in_no_answer(string stored, string asked)
    {
        var customer = await app.CreateCustomerAsync(locale: stored);

        var real = await WalkAsync(customer.Email, asked);
        var decoy = await WalkAsync($"nobody.{Guid.NewGuid():N}@example.com", asked);

        real.ShouldBe(decoy);
        real.ShouldContain(step => step.Contains("code=code_invalid", StringComparison.Ordinal));
    }

    /// <summary>Start, read, send a code, read, a wrong code, read, ask support: what each answer looks like.</summary>
    private async Task<List<string>> WalkAsync(string login, string? acceptLanguage = null)
    {
        var client = app.CreateClient();
        if (acceptLanguage is not null)
        {
            client.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);
        }

        var steps = new List<string>();
        var started = await client.PostAsJsonAsync("/api/v1/password-resets", new { login, humanCheckToken = "t" });
        var ticketId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticketId").GetString();
        steps.Add(await DescribeAsync(started));
        var ticket = $"/api/v1/password-resets/{ticketId}";

        steps.Add(await DescribeAsync(await client.GetAsync(new Uri(ticket, UriKind.Relative))));
        steps.Add(await DescribeAsync(await client.PostAsJsonAsync(ticket + "/codes", new { method = "email" })));
        steps.Add(await DescribeAsync(await client.GetAsync(new Uri(ticket, UriKind.Relative))));
        steps.Add(await DescribeAsync(await client.PostAsJsonAsync(ticket + "/verification", new { code = "000000" })));
        steps.Add(await DescribeAsync(await client.GetAsync(new Uri(ticket, UriKind.Relative))));
        steps.Add(await DescribeAsync(await client.PostAsJsonAsync(ticket + "/password",
            new { resetToken = Reset.Domain.Tickets.ResetToken.New().Value, newPassword = "violet kettle drums", confirmPassword = "violet kettle drums" })));
        steps.Add(await DescribeAsync(await client.PostAsJsonAsync(ticket + "/support-requests",
            new { contactEmail = "me@example.net", message = "help" })));
        return steps;
    }

    private static async Task<string> DescribeAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            var shape = body.Length == 0 ? "(empty)" : StartTests.Shape(JsonDocument.Parse(body).RootElement);
            // The wrong code's answer is a fixed text, not a shape: compare it whole (bar the trace id).
            if (body.Contains("code_invalid", StringComparison.Ordinal))
            {
                var problem = JsonDocument.Parse(body).RootElement;
                shape += $" code={problem.GetProperty("code")} attempts={problem.GetProperty("attemptsRemaining")} detail={problem.GetProperty("detail")}";
            }

            return $"{(int)response.StatusCode} [{string.Join(",", StartTests.HeaderNames(response))}] {shape}";
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Http.PasswordResets;

/// <summary>
/// Full journeys with every log line captured at Debug and Trace: no code, password, reset token,
/// human-check payload or HMAC key shows up in a log line, a response body or a problem detail.
/// </summary>
public sealed class SecretsStaySecretTests(SecretsStaySecretTests.LoggedApp app) : IClassFixture<SecretsStaySecretTests.LoggedApp>
{
    public sealed class LoggedApp : JourneyApp
    {
        public CapturedLogs Logs { get; } = new();

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            CapturedLogs.RaiseToTrace(Settings);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            Logs.CaptureFrom(builder);
        }
    }

    [Fact]
    public async Task No_secret_appears_in_any_log_line_response_or_problem()
    {
        var secrets = new List<string> { ResetApp.TestHmacKey };
        var bodies = new List<string>();
        var customer = await app.CreateCustomerAsync();
        var payload = "hc-payload-" + Guid.NewGuid().ToString("N");
        secrets.Add(payload);
        secrets.Add(customer.Password);
        var client = app.CreateClient();

        async Task<HttpResponseMessage> PostAsync(string path, object body)
        {
            var response = await client.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken);
            bodies.Add(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            return response;
        }

        // A journey with a wrong code, a rejected and a mismatched password, then success.
        using var started = await PostAsync("/api/v1/password-resets", new { login = customer.Email, humanCheckToken = payload });
        var ticketId = (await started.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("ticketId").GetString()!;
        (await PostAsync($"/api/v1/password-resets/{ticketId}/codes", new { method = "email" })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var code = await app.ReceiveCodeAsync(customer.Email);
        secrets.Add(code);
        (await PostAsync($"/api/v1/password-resets/{ticketId}/verification", new { code = VerifyCodeTests.OtherThan(code) })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var verified = await PostAsync($"/api/v1/password-resets/{ticketId}/verification", new { code });
        var token = (await verified.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("resetToken").GetString()!;
        var rejected = "Example Shop " + Guid.NewGuid().ToString("N")[..6];
        var mismatched = "mismatched kettle " + Guid.NewGuid().ToString("N")[..6];
        var newPassword = "violet kettle drums at noon " + Guid.NewGuid().ToString("N")[..6];
        secrets.AddRange([rejected, mismatched, newPassword]);
        (await PostAsync($"/api/v1/password-resets/{ticketId}/password", new { resetToken = token, newPassword = rejected, confirmPassword = rejected }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await PostAsync($"/api/v1/password-resets/{ticketId}/password", new { resetToken = token, newPassword = mismatched, confirmPassword = newPassword }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await PostAsync("/api/v1/password-policy/evaluations", new { password = newPassword, login = customer.Email })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PostAsync($"/api/v1/password-resets/{ticketId}/password", new { resetToken = token, newPassword, confirmPassword = newPassword }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await app.Smtp.WaitForAsync(customer.Email, 2);

        // A decoy journey and a malformed request that carries a secret.
        using var decoy = await PostAsync("/api/v1/password-resets", new { login = $"nobody.{Guid.NewGuid():N}@example.com", humanCheckToken = payload });
        var decoyId = (await decoy.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("ticketId").GetString()!;
        (await PostAsync($"/api/v1/password-resets/{decoyId}/codes", new { method = "email" })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await PostAsync($"/api/v1/password-resets/{decoyId}/verification", new { code })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var malformed = new StringContent($"{{\"resetToken\":\"{token}\",\"newPassword\":{newPassword}}}", System.Text.Encoding.UTF8, "application/json");
        using var malformedAnswer = await client.PostAsync(new Uri($"/api/v1/password-resets/{ticketId}/password", UriKind.Relative), malformed, TestContext.Current.CancellationToken);
        bodies.Add(await malformedAnswer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        secrets.Add(token);

        var lines = app.Logs.Lines;
        lines.Count.ShouldBeGreaterThan(200, "the capture must actually see the app's logs");
        foreach (var secret in secrets)
        {
            lines.ShouldAllBe(line => !line.Contains(secret), $"a log line holds a secret ({secret.Length} characters)");
            bodies.ShouldAllBe(body => !body.Contains(secret) || body.Contains("resetToken") && secret == token);
        }

        bodies.Count(body => body.Contains(token)).ShouldBe(1, "only the verification answer carries the reset token");
    }
}

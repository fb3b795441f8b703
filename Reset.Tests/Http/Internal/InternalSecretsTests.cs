using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Reset.Api.ApiKeys;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Http.Internal;

/// <summary>
/// With every log line captured at Trace: no API key (known or not), initial password or code of a
/// reset started for a customer shows up in a log line or an answer of the internal API.
/// </summary>
public sealed class InternalSecretsTests(InternalSecretsTests.LoggedApp app) : IClassFixture<InternalSecretsTests.LoggedApp>
{
    public sealed class LoggedApp : InternalApiApp
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
    public async Task No_key_password_or_code_appears_in_any_log_line_or_answer()
    {
        var unknownKey = ApiKey.New();
        var initialPassword = "violet kettle drums at noon " + Guid.NewGuid().ToString("N")[..6];
        var weakPassword = "password" + Guid.NewGuid().ToString("N")[..4];
        var bodies = new List<string>();
        var id = Guid.CreateVersion7();
        var email = $"secret.{id:N}@example.com";

        async Task<HttpResponseMessage> KeepAsync(Task<HttpResponseMessage> sending)
        {
            var response = await sending;
            bodies.Add(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            return response;
        }

        var ct = TestContext.Current.CancellationToken;
        (await KeepAsync(app.Client(unknownKey).GetAsync(new Uri($"/internal/v1/users/{id}", UriKind.Relative), ct))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await KeepAsync(app.Client(app.ReaderKey).PutAsJsonAsync($"/internal/v1/users/{id}", new { email, locale = "en", status = "active", initialPassword }, ct)))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await KeepAsync(app.Client(app.CrmKey).PutAsJsonAsync($"/internal/v1/users/{id}", new { email, locale = "en", status = "active", initialPassword = weakPassword }, ct)))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await KeepAsync(app.Client(app.CrmKey).PutAsJsonAsync($"/internal/v1/users/{id}", new { email, locale = "en", status = "active", initialPassword }, ct)))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await KeepAsync(app.Client(app.SupportKey).PostAsync(new Uri($"/internal/v1/users/{id}/password-resets", UriKind.Relative), null, ct)))
            .StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var code = await app.ReceiveCodeAsync(email);

        var secrets = new[] { unknownKey, app.ReaderKey, app.CrmKey, app.SupportKey, app.OpsKey, initialPassword, weakPassword, code };
        var lines = app.Logs.Lines;
        lines.ShouldNotBeEmpty();
        lines.ShouldContain(line => line.Contains("unknown API key", StringComparison.Ordinal), "the refused key is logged, without the key");
        foreach (var secret in secrets)
        {
            lines.ShouldAllBe(line => !line.Contains(secret, StringComparison.Ordinal));
            bodies.ShouldAllBe(body => !body.Contains(secret, StringComparison.Ordinal));
        }
    }
}

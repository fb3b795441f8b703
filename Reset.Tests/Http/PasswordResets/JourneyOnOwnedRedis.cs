using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Http.PasswordResets;

/// <summary>
/// A journey up to the received code, on a Redis of the test's own that the test may stop, pause
/// or restart; then the rest of the journey once Redis is back.
/// </summary>
internal sealed class JourneyOnOwnedRedis : IAsyncDisposable
{
    private JourneyOnOwnedRedis(OwnedRedis redis, JourneyApp app, string ticketId, string code)
    {
        Redis = redis;
        App = app;
        TicketId = ticketId;
        Code = code;
    }

    public OwnedRedis Redis { get; }

    public JourneyApp App { get; }

    public string TicketId { get; }

    public string Code { get; }

    public static async Task<JourneyOnOwnedRedis> UpToTheCodeAsync()
    {
        var redis = new OwnedRedis();
        await redis.StartAsync();
        var app = new JourneyApp();
        await app.InitializeAsync();
        app.Settings["ConnectionStrings:Redis"] = redis.ConnectionString;
        var customer = await app.CreateCustomerAsync();
        var ticketId = await app.StartTicketAsync(customer.Email);
        (await app.SendCodeAsync(ticketId)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        return new JourneyOnOwnedRedis(redis, app, ticketId, await app.ReceiveCodeAsync(customer.Email));
    }

    /// <summary>
    /// Verifies the code and sets a password, once Redis answers again: the service reconnects by
    /// itself and an open circuit breaker lets a trial call through after a few seconds; until then
    /// the answer may only be 503.
    /// </summary>
    public async Task CompletesAsync()
    {
        HttpResponseMessage? verified = null;
        for (var attempt = 0; attempt < 50 && verified?.StatusCode != HttpStatusCode.OK; attempt++)
        {
            verified?.Dispose();
            await Task.Delay(200, TestContext.Current.CancellationToken);
            verified = await App.VerifyAsync(TicketId, Code);
            verified.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable);
        }

        verified!.StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = (await verified.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("resetToken").GetString()!;
        verified.Dispose();
        (await App.SetPasswordAsync(TicketId, token, "violet kettle drums at noon")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Redis.DisposeAsync();
    }
}

using System.Net;
using System.Net.Http.Json;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Http.PasswordResets;

/// <summary>Redis goes down in the middle of a journey and comes back: a clear 503 meanwhile, nothing lost after.</summary>
public sealed class RedisRestartTests
{
    [Fact]
    public async Task A_restarted_redis_keeps_the_open_ticket_and_the_journey_completes_without_restarting_the_service()
    {
        await using var redis = new OwnedRedis();
        await redis.StartAsync();
        await using var app = new JourneyApp();
        await app.InitializeAsync();
        app.Settings["ConnectionStrings:Redis"] = redis.ConnectionString;
        var customer = await app.CreateCustomerAsync();
        var ticketId = await app.StartTicketAsync(customer.Email);
        (await app.SendCodeAsync(ticketId)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var code = await app.ReceiveCodeAsync(customer.Email);

        await redis.StopAsync();
        var client = app.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(3);
        using (var whileDown = await client.PostAsJsonAsync($"/api/v1/password-resets/{ticketId}/verification", new { code }, TestContext.Current.CancellationToken))
        {
            var problem = await ProblemDetailsTests.ShouldBeProblemAsync(whileDown, HttpStatusCode.ServiceUnavailable);
            problem.GetProperty("code").GetString().ShouldBe("dependency_unavailable");
            whileDown.Headers.RetryAfter.ShouldNotBeNull();
        }

        await redis.StartAsync();
        HttpResponseMessage? verified = null;
        for (var attempt = 0; attempt < 50 && verified?.StatusCode != HttpStatusCode.OK; attempt++)
        {
            // The service's connection comes back by itself; until then the answer stays 503.
            verified?.Dispose();
            await Task.Delay(200, TestContext.Current.CancellationToken);
            verified = await app.VerifyAsync(ticketId, code);
            verified.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable);
        }

        verified!.StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = (await verified.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken)).GetProperty("resetToken").GetString()!;
        verified.Dispose();
        (await app.SetPasswordAsync(ticketId, token, "violet kettle drums at noon")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }
}

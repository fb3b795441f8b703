using System.Net;
using System.Net.Http.Json;

namespace Reset.Tests.Http.PasswordResets;

/// <summary>Redis goes down in the middle of a journey and comes back: a clear 503 meanwhile, nothing lost after.</summary>
public sealed class RedisRestartTests
{
    [Fact]
    public async Task A_restarted_redis_keeps_the_open_ticket_and_the_journey_completes_without_restarting_the_service()
    {
        await using var journey = await JourneyOnOwnedRedis.UpToTheCodeAsync();

        await journey.Redis.StopAsync();
        var client = journey.App.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(3);
        using (var whileDown = await client.PostAsJsonAsync($"/api/v1/password-resets/{journey.TicketId}/verification", new { code = journey.Code },
            TestContext.Current.CancellationToken))
        {
            var problem = await ProblemDetailsTests.ShouldBeProblemAsync(whileDown, HttpStatusCode.ServiceUnavailable);
            problem.GetProperty("code").GetString().ShouldBe("dependency_unavailable");
            whileDown.Headers.RetryAfter.ShouldNotBeNull();
        }

        // Restarted from its AOF: the ticket and its code are still there.
        await journey.Redis.StartAsync();
        await journey.CompletesAsync();
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace Reset.Tests.Http.PasswordResets;

/// <summary>
/// Redis stops answering without closing its connections (SIGSTOP, as a hung host or a long
/// fork would): requests that need it answer 503 within 3 s rather than hang, and the journey
/// goes on once it answers again.
/// </summary>
public sealed class HungRedisTests
{
    [Fact]
    public async Task A_hung_redis_gets_503_within_three_seconds_and_the_journey_goes_on_when_it_answers_again()
    {
        await using var journey = await JourneyOnOwnedRedis.UpToTheCodeAsync();
        var (ticketId, code) = (journey.TicketId, journey.Code);

        await journey.Redis.PauseAsync();
        var client = journey.App.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(10);
        try
        {
            foreach (var request in new Func<Task<HttpResponseMessage>>[]
            {
                () => client.PostAsJsonAsync($"/api/v1/password-resets/{ticketId}/verification", new { code }, TestContext.Current.CancellationToken),
                () => client.GetAsync($"/api/v1/password-resets/{ticketId}", TestContext.Current.CancellationToken),
                () => client.PostAsJsonAsync("/api/v1/password-resets", new { login = "someone@example.com", humanCheckToken = "test-token" }, TestContext.Current.CancellationToken),
            })
            {
                var watch = Stopwatch.StartNew();
                using var response = await request();
                TestContext.Current.TestOutputHelper?.WriteLine($"{response.RequestMessage!.RequestUri!.AbsolutePath}: {(int)response.StatusCode} after {watch.ElapsedMilliseconds} ms");
                watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3));
                var problem = await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.ServiceUnavailable);
                problem.GetProperty("code").GetString().ShouldBe("dependency_unavailable");
                response.Headers.RetryAfter.ShouldNotBeNull();
            }

            using var policy = await client.GetAsync("/api/v1/password-policy", TestContext.Current.CancellationToken);
            policy.StatusCode.ShouldBe(HttpStatusCode.OK, "the policy needs no Redis");
        }
        finally
        {
            await journey.Redis.ResumeAsync();
        }

        await journey.CompletesAsync();
    }
}

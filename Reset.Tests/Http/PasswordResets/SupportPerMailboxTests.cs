using System.Net;
using System.Net.Http.Json;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Http.PasswordResets;

/// <summary>The support acknowledgements' per-mailbox limit at its default (3 a day), counted per mailbox, not per spelling.</summary>
public sealed class SupportPerMailboxTests(SupportPerMailboxTests.DefaultLimitApp app) : IClassFixture<SupportPerMailboxTests.DefaultLimitApp>
{
    public sealed class DefaultLimitApp : JourneyApp
    {
        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            // The suite lifts every limit; this one goes back to its default.
            Settings["RateLimits:SupportPerDestination:Limit"] = "3";
            Settings["RateLimits:SupportPerDestination:Window"] = "1.00:00:00";
        }
    }

    [Fact]
    public async Task Spellings_of_one_mailbox_share_one_support_budget()
    {
        var name = "jane" + Guid.NewGuid().ToString("N")[..10];
        string[] spellings = [$"{name.ToUpperInvariant()[..1]}{name[1..]}+1@Example.com", $"{name}+2@example.com", $" {name.ToUpperInvariant()}@example.com"];

        foreach (var spelling in spellings)
        {
            using var accepted = await SupportAsync(spelling);
            accepted.StatusCode.ShouldBe(HttpStatusCode.Created, spelling);
        }

        using var fourth = await SupportAsync($"{name}@example.com");

        (await ProblemDetailsTests.ShouldBeProblemAsync(fourth, HttpStatusCode.TooManyRequests)).GetProperty("code").GetString().ShouldBe("rate_limited");
        fourth.Headers.RetryAfter.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_refused_second_request_on_a_ticket_spends_none_of_the_mailbox_budget()
    {
        var contact = $"budget.{Guid.NewGuid():N}@example.net";
        var ticketId = await app.StartTicketAsync($"nobody.{Guid.NewGuid():N}@example.com");
        using (var first = await SupportAsync(contact, ticketId))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        for (var i = 0; i < 3; i++)
        {
            using var refused = await SupportAsync(contact, ticketId);
            refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        }

        using var second = await SupportAsync(contact);
        second.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    /// <summary>A support request on its own fresh (decoy) ticket unless one is named.</summary>
    private async Task<HttpResponseMessage> SupportAsync(string contactEmail, string? ticketId = null)
    {
        ticketId ??= await app.StartTicketAsync($"nobody.{Guid.NewGuid():N}@example.com");
        return await app.CreateClient().PostAsJsonAsync($"/api/v1/password-resets/{ticketId}/support-requests",
            new { contactEmail, message = "Please help." }, TestContext.Current.CancellationToken);
    }
}

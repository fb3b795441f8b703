using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Faults;

/// <summary>
/// PostgreSQL is down (its process stopped): what needs it answers 503 within 3 s, what does not
/// keeps working, /health/ready says so, and once it is back the journey completes without a restart.
/// </summary>
public sealed class PostgresOutageTests
{
    private const string NewPassword = "violet kettle drums at noon";

    [Fact]
    public async Task While_postgres_is_down_ready_answers_503_what_does_not_need_it_keeps_working_and_the_journey_completes_after()
    {
        await using var postgres = new OwnedPostgres();
        await postgres.StartAsync();
        await using var app = new JourneyApp { SharedDatabase = postgres.ConnectionString };
        await app.InitializeAsync();
        var customer = await app.CreateCustomerAsync();
        var ticketId = await app.StartTicketAsync(customer.Email);
        (await app.SendCodeAsync(ticketId)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var code = await app.ReceiveCodeAsync(customer.Email);
        var client = app.CreateClient();

        await postgres.StopAsync();

        var ready = await TimedAnswer.OfAsync("GET /health/ready", ct => client.GetAsync("/health/ready", ct));
        var verification = await TimedAnswer.OfAsync("POST verification", ct => client.PostAsync(Paths.Verification(ticketId), Bodies.Verification(code), ct));
        var working = new List<(TimedAnswer Answer, HttpStatusCode Expected)>
        {
            (await TimedAnswer.OfAsync("GET /health/live", ct => client.GetAsync("/health/live", ct)), HttpStatusCode.OK),
            (await TimedAnswer.OfAsync("GET /password-policy", ct => client.GetAsync("/api/v1/password-policy", ct)), HttpStatusCode.OK),
            (await TimedAnswer.OfAsync("POST /password-policy/evaluations", ct => client.PostAsJsonAsync(
                "/api/v1/password-policy/evaluations", new { password = NewPassword }, ct)), HttpStatusCode.OK),
            (await TimedAnswer.OfAsync("GET /human-check", ct => client.GetAsync("/api/v1/human-check", ct)), HttpStatusCode.OK),
            (await TimedAnswer.OfAsync("GET ticket", ct => client.GetAsync(Paths.Ticket(ticketId), ct)), HttpStatusCode.OK),
            (verification, HttpStatusCode.OK),
        };

        await postgres.StartAsync();
        // The customer goes on: with the token the verification gave, or, had it failed, by typing the same code again.
        var token = verification.Property("resetToken")
            ?? (await TimedAnswer.OfAsync("POST verification again, PostgreSQL back",
                ct => client.PostAsync(Paths.Verification(ticketId), Bodies.Verification(code), ct))).Property("resetToken");
        var completed = token is null
            ? null
            : (await Retry.WhileUnavailableAsync("POST password", ct => client.PostAsync(Paths.Password(ticketId), Bodies.Password(token, NewPassword), ct))).Status;

        ready.IsUnavailable.ShouldBeTrue(ready.ToString());
        working.Where(w => !w.Answer.Is(w.Expected)).Select(w => $"{w.Answer} (expected {(int)w.Expected})").ShouldBeEmpty();
        completed.ShouldBe(HttpStatusCode.NoContent, "the journey did not end with the password set");
    }

    [Fact]
    public async Task While_postgres_is_down_what_needs_it_answers_503_in_time_and_once_it_is_back_the_journey_completes_without_a_restart()
    {
        await using var postgres = new OwnedPostgres();
        await postgres.StartAsync();
        await using var app = new JourneyApp { SharedDatabase = postgres.ConnectionString };
        await app.InitializeAsync();
        var verifiedCustomer = await app.CreateCustomerAsync();
        var before = await OwnedDatabase.ReadAccountAsync(postgres, verifiedCustomer.Id);
        var (verifiedTicket, token) = await app.VerifiedTicketAsync(verifiedCustomer);
        var startedCustomer = await app.CreateCustomerAsync();
        var startedTicket = await app.StartTicketAsync(startedCustomer.Email);
        var client = app.CreateClient();

        await postgres.StopAsync();

        var answers = new[]
        {
            await TimedAnswer.OfAsync("POST start", ct => client.PostAsync(Paths.Start, Bodies.Start(startedCustomer.Email), ct)),
            await TimedAnswer.OfAsync("POST codes", ct => client.PostAsync(Paths.Codes(startedTicket), Bodies.Code(), ct)),
            await TimedAnswer.OfAsync("POST password", ct => client.PostAsync(Paths.Password(verifiedTicket), Bodies.Password(token, NewPassword), ct)),
            await TimedAnswer.OfAsync("POST support-requests", ct => client.PostAsync(
                Paths.SupportRequests(startedTicket), Bodies.Support("personal." + startedCustomer.Email), ct)),
        };
        answers.Where(a => !a.IsUnavailable).ShouldBeEmpty();

        await postgres.StartAsync();
        (await OwnedDatabase.ReadAccountAsync(postgres, verifiedCustomer.Id)).ShouldBe(before);
        (await Retry.WhileUnavailableAsync("POST password", ct => client.PostAsync(Paths.Password(verifiedTicket), Bodies.Password(token, NewPassword), ct)))
            .Status.ShouldBe(HttpStatusCode.NoContent);
        (await OwnedDatabase.ReadAccountAsync(postgres, verifiedCustomer.Id)).PasswordHash.ShouldNotBe(before.PasswordHash);
        (await Retry.WhileUnavailableAsync("POST codes", ct => client.PostAsync(Paths.Codes(startedTicket), Bodies.Code(), ct)))
            .Status.ShouldBe(HttpStatusCode.Accepted);
        var code = await app.ReceiveCodeAsync(startedCustomer.Email);
        using var verified = await app.VerifyAsync(startedTicket, code);
        verified.StatusCode.ShouldBe(HttpStatusCode.OK);
        var secondToken = (await verified.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("resetToken").GetString()!;
        (await app.SetPasswordAsync(startedTicket, secondToken, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }
}

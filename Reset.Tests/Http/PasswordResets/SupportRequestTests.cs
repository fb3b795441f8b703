using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reset.Domain.Support;
using Reset.Infrastructure.Persistence;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Http.PasswordResets;

public sealed class SupportRequestTests(JourneyApp app) : IClassFixture<JourneyApp>
{
    private const string Help = "I lost access to my old mailbox.";

    [Fact]
    public async Task Support_request_is_stored_with_a_reference_and_acknowledged_by_email()
    {
        var customer = await app.CreateCustomerAsync();
        var ticketId = await app.StartTicketAsync(customer.MemberId);
        var contact = $"personal.{Guid.NewGuid():N}@example.net";

        using var response = await app.CreateClient().PostAsJsonAsync($"/api/v1/password-resets/{ticketId}/support-requests",
            new { contactEmail = contact, message = "I lost access to my old mailbox." }, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var reference = body.GetProperty("reference").GetString()!;
        reference.ShouldMatch("^SR-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$");

        using var scope = app.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<ResetDbContext>().SupportRequests.AsNoTracking()
            .SingleAsync(r => r.Id == body.GetProperty("caseId").GetGuid(), TestContext.Current.CancellationToken);
        stored.Reference.ShouldBe(reference);
        stored.UserId.ShouldBe(customer.Id);
        stored.TicketId.ShouldBe(ticketId);
        stored.ContactEmail.ShouldBe(contact);
        stored.Status.ShouldBe(SupportRequestStatus.Open);

        var acknowledgement = await app.Smtp.WaitForAsync(contact);
        acknowledgement.Subject.ShouldNotBeNull().ShouldContain(reference);
        acknowledgement.TextBody.ShouldNotBeNull().ShouldContain(reference);
    }

    [Fact]
    public async Task Support_request_changes_nothing_on_the_account()
    {
        var customer = await app.CreateCustomerAsync();
        var before = await AccountRows.ReadAsync(app, customer.Id);
        var ticketId = await app.StartTicketAsync(customer.Email);

        using var response = await app.CreateClient().PostAsJsonAsync($"/api/v1/password-resets/{ticketId}/support-requests",
            new { contactEmail = "someone@example.net", message = "Please help." }, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await AccountRows.ReadAsync(app, customer.Id)).ShouldBe(before);
    }

    [Fact]
    public async Task Support_request_on_a_decoy_ticket_answers_the_same_and_has_no_account()
    {
        var ticketId = await app.StartTicketAsync($"nobody.{Guid.NewGuid():N}@example.com");

        using var response = await app.CreateClient().PostAsJsonAsync($"/api/v1/password-resets/{ticketId}/support-requests",
            new { contactEmail = "someone@example.net", message = "Please help." }, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var caseId = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("caseId").GetGuid();
        using var scope = app.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<ResetDbContext>().SupportRequests.AsNoTracking()
            .SingleAsync(r => r.Id == caseId, TestContext.Current.CancellationToken);
        stored.UserId.ShouldBeNull();
    }

    [Theory]
    [InlineData(null, "help")]
    [InlineData("not-an-address", "help")]
    [InlineData("a@example.com\r\nBcc: b@example.com", "help")]
    [InlineData("a@example.com", "")]
    public async Task Support_request_without_a_usable_contact_or_message_is_a_validation_failure(string? contactEmail, string message)
    {
        var ticketId = await app.StartTicketAsync((await app.CreateCustomerAsync()).Email);

        using var response = await app.CreateClient().PostAsJsonAsync($"/api/v1/password-resets/{ticketId}/support-requests",
            new { contactEmail, message }, TestContext.Current.CancellationToken);

        (await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("code").GetString().ShouldBe("validation_failed");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_second_support_request_on_the_same_ticket_is_a_ticket_state_conflict(bool decoy)
    {
        var ticketId = await app.StartTicketAsync(decoy ? $"nobody.{Guid.NewGuid():N}@example.com" : (await app.CreateCustomerAsync()).Email);
        using var first = await SupportAsync(ticketId, $"first.{Guid.NewGuid():N}@example.net");
        first.StatusCode.ShouldBe(HttpStatusCode.Created);

        using var second = await SupportAsync(ticketId, $"second.{Guid.NewGuid():N}@example.net");

        (await ProblemDetailsTests.ShouldBeProblemAsync(second, HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("ticket_state");
        (await StoredRequestsAsync(ticketId)).ShouldBe(1);
    }

    [Fact]
    public async Task Parallel_support_requests_on_one_ticket_store_exactly_one()
    {
        var ticketId = await app.StartTicketAsync((await app.CreateCustomerAsync()).Email);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => SupportAsync(ticketId, $"parallel.{i}.{Guid.NewGuid():N}@example.net")));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        answers.Count(a => a.StatusCode == HttpStatusCode.Conflict).ShouldBe(5);
        (await StoredRequestsAsync(ticketId)).ShouldBe(1);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task A_support_request_on_a_locked_ticket_is_a_conflict_and_the_decoy_twin_answers_the_same()
    {
        var customer = await app.CreateCustomerAsync();
        var real = await LockedTicketAsync(customer.Email);
        var decoy = await LockedTicketAsync($"nobody.{Guid.NewGuid():N}@example.com");

        using var realAnswer = await SupportAsync(real, $"locked.{Guid.NewGuid():N}@example.net");
        using var decoyAnswer = await SupportAsync(decoy, $"locked.{Guid.NewGuid():N}@example.net");

        var realProblem = await ProblemDetailsTests.ShouldBeProblemAsync(realAnswer, HttpStatusCode.Conflict);
        var decoyProblem = await ProblemDetailsTests.ShouldBeProblemAsync(decoyAnswer, HttpStatusCode.Conflict);
        realProblem.GetProperty("code").GetString().ShouldBe("ticket_state");
        foreach (var field in new[] { "status", "code", "title", "detail" })
        {
            decoyProblem.GetProperty(field).ToString().ShouldBe(realProblem.GetProperty(field).ToString(), field);
        }

        (await StoredRequestsAsync(real)).ShouldBe(0);
        (await StoredRequestsAsync(decoy)).ShouldBe(0);
    }

    [Fact]
    public async Task A_support_request_on_a_completed_ticket_is_a_conflict()
    {
        var customer = await app.CreateCustomerAsync();
        var (ticketId, token) = await app.VerifiedTicketAsync(customer);
        (await app.SetPasswordAsync(ticketId, token, "violet kettle drums at noon " + Guid.NewGuid().ToString("N")[..6]))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        using var response = await SupportAsync(ticketId, $"completed.{Guid.NewGuid():N}@example.net");

        (await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("ticket_state");
        (await StoredRequestsAsync(ticketId)).ShouldBe(0);
    }

    [Fact]
    public async Task A_support_request_after_the_code_was_sent_is_still_taken()
    {
        var customer = await app.CreateCustomerAsync();
        var ticketId = await app.StartTicketAsync(customer.Email);
        (await app.SendCodeAsync(ticketId)).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        using var response = await SupportAsync(ticketId, $"sent.{Guid.NewGuid():N}@example.net");

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    /// <summary>Starts a ticket, has a code sent and types five wrong codes: locked.</summary>
    private async Task<string> LockedTicketAsync(string login)
    {
        var ticketId = await app.StartTicketAsync(login);
        (await app.SendCodeAsync(ticketId)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var wrong = login.StartsWith("nobody.", StringComparison.Ordinal)
            ? "000000"
            : ((int.Parse(await app.ReceiveCodeAsync(login), System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < 5; i++)
        {
            using var _ = await app.VerifyAsync(ticketId, wrong);
        }

        (await app.GetTicketAsync(ticketId)).GetProperty("status").GetString().ShouldBe("locked");
        return ticketId;
    }

    private async Task<int> StoredRequestsAsync(string ticketId)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ResetDbContext>().SupportRequests
            .CountAsync(r => r.TicketId == ticketId, TestContext.Current.CancellationToken);
    }

    private Task<HttpResponseMessage> SupportAsync(string ticketId, string contactEmail) =>
        app.CreateClient().PostAsJsonAsync($"/api/v1/password-resets/{ticketId}/support-requests",
            new { contactEmail, message = Help }, TestContext.Current.CancellationToken);
}

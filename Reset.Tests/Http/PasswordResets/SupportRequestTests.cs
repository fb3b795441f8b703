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
}

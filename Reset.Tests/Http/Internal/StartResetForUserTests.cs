using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reset.Domain.Audit;
using Reset.Domain.Logins;
using Reset.Infrastructure.Persistence;

namespace Reset.Tests.Http.Internal;

/// <summary>
/// POST /internal/v1/users/{id}/password-resets: support starts a reset, the code goes to the
/// customer's own mailbox, and the caller learns the ticket, never the code.
/// </summary>
public sealed class StartResetForUserTests(InternalApiApp app) : IClassFixture<InternalApiApp>
{
    [Fact]
    public async Task The_code_goes_to_the_customer_the_caller_gets_only_the_ticket_and_the_customer_finishes_on_the_public_API()
    {
        var (id, email) = await app.ProvisionAsync();

        using var response = await app.Client(app.SupportKey).PostAsync(new Uri($"/internal/v1/users/{id}/password-resets", UriKind.Relative), null, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var body = await InternalApiApp.BodyAsync(response);
        var ticketId = body.GetProperty("ticketId").GetString()!;
        body.GetProperty("destination").GetString().ShouldBe(EmailMask.Mask(EmailAddress.Parse(email)));
        body.EnumerateObject().Select(p => p.Name).ShouldBe(["ticketId", "expiresAt", "destination", "codeExpiresAt"], ignoreOrder: true);

        var code = await app.ReceiveCodeAsync(email);
        text.ShouldNotContain(code);
        (await app.GetTicketAsync(ticketId)).GetProperty("status").GetString().ShouldBe("code_sent");
        using var verified = await app.VerifyAsync(ticketId, code);
        verified.StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = (await InternalApiApp.BodyAsync(verified)).GetProperty("resetToken").GetString()!;
        (await app.SetPasswordAsync(ticketId, token, "a brand new kettle of fish 12")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        using var scope = app.Services.CreateScope();
        var detail = await scope.ServiceProvider.GetRequiredService<ResetDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.UserId == id && e.Type == AuditEventTypes.PasswordResetRequested).Select(e => e.Detail).SingleAsync(TestContext.Current.CancellationToken);
        detail.ShouldBe($"ticket {ticketId}, by API key support-desk");
    }

    [Fact]
    public async Task An_unknown_customer_is_404_user_not_found()
    {
        using var response = await app.Client(app.SupportKey).PostAsync(new Uri($"/internal/v1/users/{Guid.CreateVersion7()}/password-resets", UriKind.Relative), null, TestContext.Current.CancellationToken);

        (await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.NotFound)).GetProperty("code").GetString().ShouldBe("user_not_found");
    }

    [Fact]
    public async Task A_locked_customer_is_409_account_state_and_gets_no_email()
    {
        var customer = await app.CreateCustomerAsync(Reset.Domain.Accounts.AccountStatus.Locked);

        using var response = await app.Client(app.SupportKey).PostAsync(new Uri($"/internal/v1/users/{customer.Id}/password-resets", UriKind.Relative), null, TestContext.Current.CancellationToken);

        (await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("account_state");
        await Task.Delay(500, TestContext.Current.CancellationToken);
        app.Smtp.To(customer.Email).ShouldBeEmpty();
    }
}

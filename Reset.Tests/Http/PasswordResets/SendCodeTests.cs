using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Http.PasswordResets;

public sealed class SendCodeTests(JourneyApp app) : IClassFixture<JourneyApp>
{
    [Fact]
    public async Task Code_email_has_text_and_html_parts_with_the_code_and_its_lifetime()
    {
        var customer = await app.CreateCustomerAsync();
        var ticketId = await app.StartTicketAsync(customer.Email);

        using var response = await app.SendCodeAsync(ticketId);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var message = await app.Smtp.WaitForAsync(customer.Email);
        var code = CodeEmails.CodeIn(message).ShouldNotBeNull();
        var text = message.TextBody.ShouldNotBeNull();
        var html = message.HtmlBody.ShouldNotBeNull();
        text.ShouldContain(code);
        html.ShouldContain(code);
        text.ShouldContain("10 minutes");
        html.ShouldContain("10 minutes");
        text.ShouldNotContain("http", Case.Insensitive);
    }

    [Fact]
    public async Task By_default_the_code_email_subject_holds_no_digits_and_the_body_holds_the_code()
    {
        var customer = await app.CreateCustomerAsync();
        var ticketId = await app.StartTicketAsync(customer.Email);

        (await app.SendCodeAsync(ticketId)).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var message = await app.Smtp.WaitForAsync(customer.Email);
        message.Subject.ShouldBe("Your Example Shop password reset code");
        message.Subject!.ShouldNotMatch("[0-9]");
        CodeEmails.CodeIn(message).ShouldNotBeNull();
        (await app.VerifyAsync(ticketId, CodeEmails.CodeIn(message)!)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Send_code_answers_202_with_expiry_cooldown_and_sends_remaining()
    {
        var customer = await app.CreateCustomerAsync();
        var ticketId = await app.StartTicketAsync(customer.Email);

        using var response = await app.SendCodeAsync(ticketId);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var now = app.Time.GetUtcNow();
        body.GetProperty("codeExpiresAt").GetDateTimeOffset().ShouldBe(now.AddMinutes(10), TimeSpan.FromSeconds(10));
        body.GetProperty("resendAvailableAt").GetDateTimeOffset().ShouldBe(now.AddSeconds(60), TimeSpan.FromSeconds(10));
        body.GetProperty("sendsRemaining").GetInt32().ShouldBe(2);
        body.GetProperty("destination").GetString().ShouldStartWith("c***");
        (await app.GetTicketAsync(ticketId)).GetProperty("status").GetString().ShouldBe("code_sent");
    }

    [Fact]
    public async Task Resend_within_60_seconds_is_refused_with_retry_after()
    {
        var customer = await app.CreateCustomerAsync();
        var ticketId = await app.StartTicketAsync(customer.Email);
        (await app.SendCodeAsync(ticketId)).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        using var again = await app.SendCodeAsync(ticketId);

        var problem = await ProblemDetailsTests.ShouldBeProblemAsync(again, HttpStatusCode.TooManyRequests);
        problem.GetProperty("code").GetString().ShouldBe("rate_limited");
        again.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(50, 60);
    }

    [Fact]
    public async Task At_most_three_codes_per_ticket()
    {
        var customer = await app.CreateCustomerAsync();
        var ticketId = await app.StartTicketAsync(customer.Email);
        for (var i = 0; i < 3; i++)
        {
            (await app.SendCodeAsync(ticketId)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
            app.Time.Advance(TimeSpan.FromSeconds(61));
        }

        using var fourth = await app.SendCodeAsync(ticketId);

        var problem = await ProblemDetailsTests.ShouldBeProblemAsync(fourth, HttpStatusCode.TooManyRequests);
        problem.GetProperty("detail").GetString()!.ShouldContain("all its codes");
        (await app.GetTicketAsync(ticketId)).GetProperty("sendsRemaining").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task A_new_code_cancels_the_old_one()
    {
        var customer = await app.CreateCustomerAsync();
        var ticketId = await app.StartTicketAsync(customer.Email);
        await app.SendCodeAsync(ticketId);
        var first = await app.ReceiveCodeAsync(customer.Email, 1);
        // A new code equals the old one once in a million; the ticket's third code settles that case.
        var latest = first;
        for (var sent = 2; sent <= 3 && latest == first; sent++)
        {
            app.Time.Advance(TimeSpan.FromSeconds(61));
            (await app.SendCodeAsync(ticketId)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
            latest = await app.ReceiveCodeAsync(customer.Email, sent);
        }

        latest.ShouldNotBe(first);
        using var withOld = await app.VerifyAsync(ticketId, first);
        using var withNew = await app.VerifyAsync(ticketId, latest);

        (await ProblemDetailsTests.ShouldBeProblemAsync(withOld, HttpStatusCode.BadRequest)).GetProperty("code").GetString().ShouldBe("code_invalid");
        withNew.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Code_is_stored_only_as_a_keyed_hmac()
    {
        var customer = await app.CreateCustomerAsync();
        var ticketId = await app.StartTicketAsync(customer.Email);
        await app.SendCodeAsync(ticketId);
        var code = await app.ReceiveCodeAsync(customer.Email);

        var redis = app.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var hmac = app.Services.GetRequiredService<Reset.Infrastructure.Security.SecretHmac>();
        var accountCode = await redis.HashGetAllAsync($"rst:acct:{{{hmac.AccountKey("user:" + customer.Id.ToString("N"))}}}:code");
        var ticket = await redis.HashGetAllAsync($"rst:{{{ticketId}}}");

        accountCode.Single(f => f.Name == "mac").Value.ToString().ShouldMatch("^[0-9a-f]{64}$");
        accountCode.ShouldAllBe(field => !field.Value.ToString().Contains(code));
        ticket.ShouldAllBe(field => !field.Value.ToString().Contains(code));
    }

    [Fact]
    public async Task Decoy_ticket_sends_no_email_but_answers_like_a_real_one()
    {
        var customer = await app.CreateCustomerAsync();
        var stranger = $"nobody.{Guid.NewGuid():N}@example.com";
        var realTicket = await app.StartTicketAsync(customer.Email);
        var decoyTicket = await app.StartTicketAsync(stranger);

        using var real = await app.SendCodeAsync(realTicket);
        using var decoy = await app.SendCodeAsync(decoyTicket);

        decoy.StatusCode.ShouldBe(real.StatusCode);
        StartTests.HeaderNames(decoy).ShouldBe(StartTests.HeaderNames(real));
        StartTests.Shape(await decoy.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken))
            .ShouldBe(StartTests.Shape(await real.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)));
        await app.Smtp.WaitForAsync(customer.Email);
        app.Smtp.To(stranger).ShouldBeEmpty();
    }

    [Fact]
    public async Task Locked_account_gets_no_email()
    {
        var customer = await app.CreateCustomerAsync(Reset.Domain.Accounts.AccountStatus.Locked);
        var control = await app.CreateCustomerAsync();
        var lockedTicket = await app.StartTicketAsync(customer.Email);
        var controlTicket = await app.StartTicketAsync(control.Email);

        (await app.SendCodeAsync(lockedTicket)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await app.SendCodeAsync(controlTicket)).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        // The control's mail arriving shows the dispatcher ran past both.
        await app.Smtp.WaitForAsync(control.Email);
        app.Smtp.To(customer.Email).ShouldBeEmpty();
    }

    [Fact]
    public async Task Method_other_than_email_is_a_validation_failure()
    {
        var customer = await app.CreateCustomerAsync();
        var ticketId = await app.StartTicketAsync(customer.Email);

        using var response = await app.CreateClient().PostAsJsonAsync($"/api/v1/password-resets/{ticketId}/codes", new { method = "sms" }, TestContext.Current.CancellationToken);

        var problem = await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().ShouldBe("validation_failed");
        problem.GetProperty("errors").GetProperty("method")[0].GetString().ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("not-an-id")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Unknown_or_malformed_ticket_answers_404_ticket_not_found(string ticketId)
    {
        using var response = await app.SendCodeAsync(ticketId);

        var problem = await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.NotFound);
        problem.GetProperty("code").GetString().ShouldBe("ticket_not_found");
    }

    [Fact]
    public async Task Expired_ticket_answers_404()
    {
        var customer = await app.CreateCustomerAsync();
        var ticketId = await app.StartTicketAsync(customer.Email);
        app.Time.Advance(TimeSpan.FromMinutes(31));

        using var response = await app.SendCodeAsync(ticketId);

        (await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.NotFound)).GetProperty("code").GetString().ShouldBe("ticket_not_found");
    }
}

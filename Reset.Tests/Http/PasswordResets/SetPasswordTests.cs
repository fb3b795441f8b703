using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reset.Domain.Audit;
using Reset.Domain.Passwords;
using Reset.Infrastructure.Hashing;
using Reset.Infrastructure.Persistence;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Http.PasswordResets;

public sealed class SetPasswordTests(JourneyApp app) : IClassFixture<JourneyApp>
{
    private const string NewPassword = "violet kettle drums at noon";

    [Fact]
    public async Task Customer_resets_the_password_with_the_emailed_code()
    {
        var customer = await app.CreateCustomerAsync();
        var before = await AccountRows.ReadAsync(app, customer.Id);

        // The brief's journey: login and human check, "Get code", the code from the e-mail, "Confirm", the password twice.
        var ticketId = await app.StartTicketAsync(customer.Email);
        (await app.SendCodeAsync(ticketId)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var code = await app.ReceiveCodeAsync(customer.Email);
        using var verified = await app.VerifyAsync(ticketId, code);
        verified.StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = (await verified.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("resetToken").GetString()!;
        using var set = await app.SetPasswordAsync(ticketId, token, NewPassword);

        set.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var after = await AccountRows.ReadAsync(app, customer.Id);
        after.PasswordHash.ShouldStartWith("$argon2id$v=19$m=19456,t=2,p=1$");
        var hasher = app.Services.GetRequiredService<IPasswordHasher>();
        (await hasher.VerifyAsync(after.PasswordHash, NewPassword, TestContext.Current.CancellationToken)).ShouldBeTrue();
        (await hasher.VerifyAsync(after.PasswordHash, customer.Password, TestContext.Current.CancellationToken)).ShouldBeFalse();
        Isopoh.Cryptography.Argon2.Argon2.Verify(after.PasswordHash, NewPassword).ShouldBeTrue();
        after.SecurityStamp.ShouldNotBe(before.SecurityStamp);
        after.PasswordChangedAt.ShouldBeGreaterThan(before.PasswordChangedAt);
        (await app.GetTicketAsync(ticketId)).GetProperty("status").GetString().ShouldBe("completed");
    }

    [Fact]
    public async Task After_a_reset_an_audit_event_is_written_and_a_password_changed_email_without_secrets_is_sent()
    {
        var customer = await app.CreateCustomerAsync();
        var (ticketId, token) = await app.VerifiedTicketAsync(customer);
        var code = CodeEmails.CodeIn(app.Smtp.To(customer.Email).Single()).ShouldNotBeNull();

        (await app.SetPasswordAsync(ticketId, token, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var notice = await app.Smtp.WaitForAsync(customer.Email, 2);
        notice.Subject.ShouldNotBeNull().ShouldContain("password was changed");
        var text = notice.TextBody.ShouldNotBeNull();
        text.ShouldContain("support@shop.example");
        foreach (var secret in new[] { code, token, NewPassword })
        {
            text.ShouldNotContain(secret);
            notice.HtmlBody.ShouldNotBeNull().ShouldNotContain(secret);
        }

        using var scope = app.Services.CreateScope();
        var events = await scope.ServiceProvider.GetRequiredService<ResetDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.UserId == customer.Id).Select(e => e.Type).ToListAsync(TestContext.Current.CancellationToken);
        events.ShouldContain(AuditEventTypes.PasswordResetRequested);
        events.ShouldContain(AuditEventTypes.PasswordResetCodeVerified);
        events.ShouldContain(AuditEventTypes.PasswordChanged);
    }

    [Fact]
    public async Task After_a_reset_every_other_open_ticket_of_the_account_is_void()
    {
        var customer = await app.CreateCustomerAsync();
        var other = await app.StartTicketAsync(customer.MemberId);
        var (ticketId, token) = await app.VerifiedTicketAsync(customer);

        (await app.SetPasswordAsync(ticketId, token, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        using var response = await app.CreateClient().GetAsync(new Uri($"/api/v1/password-resets/{other}", UriKind.Relative), TestContext.Current.CancellationToken);
        (await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.NotFound)).GetProperty("code").GetString().ShouldBe("ticket_not_found");
    }

    [Fact]
    public async Task Different_passwords_are_refused_with_passwords_mismatch_and_the_token_still_works()
    {
        var customer = await app.CreateCustomerAsync();
        var (ticketId, token) = await app.VerifiedTicketAsync(customer);

        using var mismatch = await app.SetPasswordAsync(ticketId, token, NewPassword, NewPassword + "!");

        (await ProblemDetailsTests.ShouldBeProblemAsync(mismatch, HttpStatusCode.BadRequest)).GetProperty("code").GetString().ShouldBe("passwords_mismatch");
        (await app.SetPasswordAsync(ticketId, token, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_password_against_the_policy_is_refused_with_its_violations_and_the_token_still_works()
    {
        var customer = await app.CreateCustomerAsync();
        var (ticketId, token) = await app.VerifiedTicketAsync(customer);

        using var rejected = await app.SetPasswordAsync(ticketId, token, "password");

        var problem = await ProblemDetailsTests.ShouldBeProblemAsync(rejected, HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().ShouldBe("password_rejected");
        var codes = problem.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("code").GetString()).ToList();
        codes.ShouldContain("too_short");
        codes.ShouldContain("common_password");
        (await AccountRows.ReadAsync(app, customer.Id)).PasswordHash.ShouldNotBeNull();
        (await app.SetPasswordAsync(ticketId, token, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task The_current_password_offered_again_is_set_again_with_a_new_salt_stamp_and_notice()
    {
        var customer = await app.CreateCustomerAsync();
        var before = await AccountRows.ReadAsync(app, customer.Id);
        var (ticketId, token) = await app.VerifiedTicketAsync(customer);

        using var same = await app.SetPasswordAsync(ticketId, token, customer.Password);

        same.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var after = await AccountRows.ReadAsync(app, customer.Id);
        after.PasswordHash.ShouldNotBe(before.PasswordHash);
        Isopoh.Cryptography.Argon2.Argon2.Verify(after.PasswordHash, customer.Password).ShouldBeTrue();
        after.SecurityStamp.ShouldNotBe(before.SecurityStamp);
        (await app.Smtp.WaitForAsync(customer.Email, 2)).Subject.ShouldNotBeNull().ShouldContain("password was changed");
    }

    [Fact]
    public async Task A_password_change_computes_one_Argon2id_hash_and_verifies_no_stored_one()
    {
        var customer = await app.CreateCustomerAsync();
        var (ticketId, token) = await app.VerifiedTicketAsync(customer);
        var hasher = (Argon2idPasswordHasher)app.Services.GetRequiredService<IPasswordHasher>();
        var (hashedBefore, verifiedBefore) = (hasher.Hashed, hasher.Verified);

        (await app.SetPasswordAsync(ticketId, token, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (hasher.Hashed - hashedBefore).ShouldBe(1);
        (hasher.Verified - verifiedBefore).ShouldBe(0);
    }

    [Fact]
    public async Task After_five_refused_submissions_the_token_is_spent()
    {
        var customer = await app.CreateCustomerAsync();
        var before = await AccountRows.ReadAsync(app, customer.Id);
        var (ticketId, token) = await app.VerifiedTicketAsync(customer);
        for (var i = 0; i < 5; i++)
        {
            // Refused either way: against the policy, or typed differently the second time.
            using var refused = i % 2 == 0
                ? await app.SetPasswordAsync(ticketId, token, "password")
                : await app.SetPasswordAsync(ticketId, token, NewPassword, NewPassword + "!");
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        using var sixth = await app.SetPasswordAsync(ticketId, token, "password");
        using var valid = await app.SetPasswordAsync(ticketId, token, NewPassword);

        (await ProblemDetailsTests.ShouldBeProblemAsync(sixth, HttpStatusCode.Unauthorized)).GetProperty("code").GetString().ShouldBe("reset_token_invalid");
        (await ProblemDetailsTests.ShouldBeProblemAsync(valid, HttpStatusCode.Unauthorized)).GetProperty("code").GetString().ShouldBe("reset_token_invalid");
        (await AccountRows.ReadAsync(app, customer.Id)).ShouldBe(before);
    }

    [Fact]
    public async Task Parallel_refused_submissions_never_pass_the_bound()
    {
        var customer = await app.CreateCustomerAsync();
        var (ticketId, token) = await app.VerifiedTicketAsync(customer);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => SetAsync(ticketId, token, "password")));

        answers.Count(a => a == HttpStatusCode.BadRequest).ShouldBe(5);
        answers.Count(a => a == HttpStatusCode.Unauthorized).ShouldBe(15);
        (await SetAsync(ticketId, token, NewPassword)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_wrong_token_does_not_count_against_the_holders_submissions()
    {
        var customer = await app.CreateCustomerAsync();
        var (ticketId, token) = await app.VerifiedTicketAsync(customer);

        for (var i = 0; i < 6; i++)
        {
            (await SetAsync(ticketId, Reset.Domain.Tickets.ResetToken.New().Value, NewPassword)).ShouldBe(HttpStatusCode.Unauthorized);
        }

        (await SetAsync(ticketId, token, NewPassword)).ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_wrong_reset_token_answers_401_and_changes_nothing()
    {
        var customer = await app.CreateCustomerAsync();
        var before = await AccountRows.ReadAsync(app, customer.Id);
        var (ticketId, _) = await app.VerifiedTicketAsync(customer);

        using var response = await app.SetPasswordAsync(ticketId, Reset.Domain.Tickets.ResetToken.New().Value, NewPassword);

        (await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.Unauthorized)).GetProperty("code").GetString().ShouldBe("reset_token_invalid");
        (await AccountRows.ReadAsync(app, customer.Id)).ShouldBe(before);
    }

    [Fact]
    public async Task A_reset_token_works_once()
    {
        var customer = await app.CreateCustomerAsync();
        var (ticketId, token) = await app.VerifiedTicketAsync(customer);
        (await app.SetPasswordAsync(ticketId, token, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        using var again = await app.SetPasswordAsync(ticketId, token, NewPassword + " again");

        (await ProblemDetailsTests.ShouldBeProblemAsync(again, HttpStatusCode.Unauthorized)).GetProperty("code").GetString().ShouldBe("reset_token_invalid");
    }

    [Fact]
    public async Task A_reset_token_is_bound_to_its_ticket()
    {
        var customer = await app.CreateCustomerAsync();
        var (first, firstToken) = await app.VerifiedTicketAsync(customer, emailNumber: 1);
        var (second, _) = await app.VerifiedTicketAsync(customer, emailNumber: 2);

        using var crossed = await app.SetPasswordAsync(second, firstToken, NewPassword);

        (await ProblemDetailsTests.ShouldBeProblemAsync(crossed, HttpStatusCode.Unauthorized)).GetProperty("code").GetString().ShouldBe("reset_token_invalid");
        (await app.SetPasswordAsync(first, firstToken, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_reset_token_expires_after_10_minutes()
    {
        var customer = await app.CreateCustomerAsync();
        var (ticketId, token) = await app.VerifiedTicketAsync(customer);
        app.Time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        using var late = await app.SetPasswordAsync(ticketId, token, NewPassword);

        (await ProblemDetailsTests.ShouldBeProblemAsync(late, HttpStatusCode.Unauthorized)).GetProperty("code").GetString().ShouldBe("reset_token_invalid");
    }

    [Fact]
    public async Task Setting_a_password_before_the_code_is_verified_is_out_of_order()
    {
        var customer = await app.CreateCustomerAsync();
        var ticketId = await app.StartTicketAsync(customer.Email);

        using var response = await app.SetPasswordAsync(ticketId, Reset.Domain.Tickets.ResetToken.New().Value, NewPassword);

        (await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("ticket_state");
    }

    [Fact]
    public async Task Two_parallel_password_sets_with_one_token_make_exactly_one_change()
    {
        var customer = await app.CreateCustomerAsync();
        var (ticketId, token) = await app.VerifiedTicketAsync(customer);

        var answers = await Task.WhenAll(
            SetAsync(ticketId, token, NewPassword + " one"),
            SetAsync(ticketId, token, NewPassword + " two"));

        answers.Count(a => a == HttpStatusCode.NoContent).ShouldBe(1);
        answers.Count(a => a == HttpStatusCode.Unauthorized).ShouldBe(1);
        using var scope = app.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<ResetDbContext>().AuditEvents.AsNoTracking()
            .CountAsync(e => e.UserId == customer.Id && e.Type == AuditEventTypes.PasswordChanged, TestContext.Current.CancellationToken)).ShouldBe(1);
    }

    private async Task<HttpStatusCode> SetAsync(string ticketId, string token, string password)
    {
        using var response = await app.SetPasswordAsync(ticketId, token, password);
        return response.StatusCode;
    }
}

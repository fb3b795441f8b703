using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Reset.Tests.Fixtures;
using StackExchange.Redis;

namespace Reset.Tests.Http.PasswordResets;

public sealed class VerifyCodeTests(JourneyApp app) : IClassFixture<JourneyApp>
{
    [Fact]
    public async Task Right_code_answers_a_256_bit_reset_token_that_lives_10_minutes()
    {
        var (_, ticketId, code) = await TicketWithCodeAsync();

        using var response = await app.VerifyAsync(ticketId, code);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        body.GetProperty("resetToken").GetString()!.ShouldMatch("^[A-Za-z0-9_-]{43}$");
        body.GetProperty("resetTokenExpiresAt").GetDateTimeOffset().ShouldBe(app.Time.GetUtcNow().AddMinutes(10), TimeSpan.FromSeconds(10));
        (await app.GetTicketAsync(ticketId)).GetProperty("status").GetString().ShouldBe("verified");
    }

    [Fact]
    public async Task Wrong_code_answers_code_invalid_with_attempts_remaining()
    {
        var (_, ticketId, code) = await TicketWithCodeAsync();

        using var response = await app.VerifyAsync(ticketId, OtherThan(code));

        var problem = await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().ShouldBe("code_invalid");
        problem.GetProperty("attemptsRemaining").GetInt32().ShouldBe(4);
    }

    [Fact]
    public async Task Wrong_code_five_times_locks_the_ticket()
    {
        var (_, ticketId, code) = await TicketWithCodeAsync();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await app.VerifyAsync(ticketId, OtherThan(code));
            (await ProblemDetailsTests.ShouldBeProblemAsync(wrong, HttpStatusCode.BadRequest)).GetProperty("attemptsRemaining").GetInt32().ShouldBe(5 - attempt);
        }

        using var right = await app.VerifyAsync(ticketId, code);

        (await ProblemDetailsTests.ShouldBeProblemAsync(right, HttpStatusCode.Locked)).GetProperty("code").GetString().ShouldBe("ticket_locked");
        (await app.GetTicketAsync(ticketId)).GetProperty("status").GetString().ShouldBe("locked");
        using var resend = await app.SendCodeAsync(ticketId);
        resend.StatusCode.ShouldBe(HttpStatusCode.Locked);
    }

    [Fact]
    public async Task A_resend_does_not_reset_the_wrong_code_count()
    {
        var (customer, ticketId, code) = await TicketWithCodeAsync();
        for (var i = 0; i < 3; i++)
        {
            (await app.VerifyAsync(ticketId, OtherThan(code))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        app.Time.Advance(TimeSpan.FromSeconds(61));
        (await app.SendCodeAsync(ticketId)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var second = await app.ReceiveCodeAsync(customer.Email, 2);
        using var wrong = await app.VerifyAsync(ticketId, OtherThan(second));

        (await ProblemDetailsTests.ShouldBeProblemAsync(wrong, HttpStatusCode.BadRequest)).GetProperty("attemptsRemaining").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Expired_code_is_refused_as_code_invalid()
    {
        var (_, ticketId, code) = await TicketWithCodeAsync();
        app.Time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        using var response = await app.VerifyAsync(ticketId, code);

        (await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("code").GetString().ShouldBe("code_invalid");
    }

    [Fact]
    public async Task A_code_works_once()
    {
        var (_, ticketId, code) = await TicketWithCodeAsync();
        (await app.VerifyAsync(ticketId, code)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var again = await app.VerifyAsync(ticketId, code);

        (await ProblemDetailsTests.ShouldBeProblemAsync(again, HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("ticket_state");
    }

    [Fact]
    public async Task Verification_before_any_code_was_sent_is_out_of_order()
    {
        var customer = await app.CreateCustomerAsync();
        var ticketId = await app.StartTicketAsync(customer.Email);

        using var response = await app.VerifyAsync(ticketId, "123456");

        (await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("ticket_state");
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12 456")]
    [InlineData("abcdef")]
    [InlineData("١٢٣٤٥٦")]
    public async Task A_code_that_is_not_six_digits_is_a_validation_failure_and_uses_no_attempt(string typed)
    {
        var (_, ticketId, _) = await TicketWithCodeAsync();

        using var response = await app.VerifyAsync(ticketId, typed);

        (await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("code").GetString().ShouldBe("validation_failed");
        (await app.GetTicketAsync(ticketId)).GetProperty("attemptsRemaining").GetInt32().ShouldBe(5);
    }

    [Fact]
    public async Task Ten_wrong_codes_a_day_void_the_six_digit_code_and_the_next_code_is_a_long_one()
    {
        var customer = await app.CreateCustomerAsync();
        string? lastCode = null;
        for (var ticket = 0; ticket < 2; ticket++)
        {
            var ticketId = await app.StartTicketAsync(ticket == 0 ? customer.Email : customer.MemberId);
            (await app.SendCodeAsync(ticketId)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
            lastCode = await app.ReceiveCodeAsync(customer.Email, ticket + 1);
            for (var i = 0; i < 5; i++)
            {
                // Each guess from another client, each naming yet another in X-Forwarded-For.
                using var client = app.CreateClient();
                client.DefaultRequestHeaders.Add(ResetApp.PeerHeader, $"10.201.{ticket}.{i + 1}");
                client.DefaultRequestHeaders.Add("X-Forwarded-For", $"10.202.{ticket}.{i + 1}");
                using var wrong = await client.PostAsJsonAsync($"/api/v1/password-resets/{ticketId}/verification", new { code = OtherThan(lastCode) }, TestContext.Current.CancellationToken);
                wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            }
        }

        (await WrongCodesCountedAsync(customer)).ShouldBe(10);
        var third = await app.StartTicketAsync(customer.Email);
        using var send = await app.SendCodeAsync(third);
        send.StatusCode.ShouldBe(HttpStatusCode.Accepted);

        // The six-digit code the mailbox holds is void now: guessing it again is no longer possible.
        using var voided = await app.VerifyAsync(third, lastCode!);
        (await ProblemDetailsTests.ShouldBeProblemAsync(voided, HttpStatusCode.BadRequest)).GetProperty("code").GetString().ShouldBe("code_invalid");
        var longCode = await app.ReceiveCodeAsync(customer.Email, 3);
        longCode.ShouldMatch("^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$");
        (await app.VerifyAsync(third, longCode.ToLowerInvariant())).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await WrongCodesCountedAsync(customer)).ShouldBe(10);
    }

    [Fact]
    public async Task Fifty_parallel_wrong_guesses_never_count_past_the_cap()
    {
        var (customer, ticketId, code) = await TicketWithCodeAsync();
        var client = app.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            using var response = await client.PostAsJsonAsync($"/api/v1/password-resets/{ticketId}/verification", new { code = OtherThan(code) });
            return response.StatusCode;
        }));

        answers.ShouldNotContain(HttpStatusCode.OK);
        answers.Count(a => a == HttpStatusCode.BadRequest).ShouldBe(5);
        var ticket = await app.GetTicketAsync(ticketId);
        ticket.GetProperty("status").GetString().ShouldBe("locked");
        ticket.GetProperty("attemptsRemaining").GetInt32().ShouldBe(0);
        (await WrongCodesCountedAsync(customer)).ShouldBe(5);
    }

    [Fact]
    public async Task Two_parallel_right_guesses_give_exactly_one_reset_token()
    {
        var (_, ticketId, code) = await TicketWithCodeAsync();
        var client = app.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            using var response = await client.PostAsJsonAsync($"/api/v1/password-resets/{ticketId}/verification", new { code });
            return response.StatusCode;
        }));

        // The other finds the code used (400 code_invalid) or the ticket verified (409), depending on timing.
        answers.Count(a => a == HttpStatusCode.OK).ShouldBe(1);
        answers.Count(a => a is HttpStatusCode.BadRequest or HttpStatusCode.Conflict).ShouldBe(1);
    }

    private async Task<(Customer Customer, string TicketId, string Code)> TicketWithCodeAsync()
    {
        var customer = await app.CreateCustomerAsync();
        var ticketId = await app.StartTicketAsync(customer.Email);
        (await app.SendCodeAsync(ticketId)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        return (customer, ticketId, await app.ReceiveCodeAsync(customer.Email));
    }

    private async Task<long> WrongCodesCountedAsync(Customer customer)
    {
        var hmac = app.Services.GetRequiredService<Reset.Infrastructure.Security.SecretHmac>();
        var key = $"rst:acct:{{{hmac.AccountKey("user:" + customer.Id.ToString("N"))}}}:wrong";
        return (long)await app.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().StringGetAsync(key);
    }

    internal static string OtherThan(string code) => ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}

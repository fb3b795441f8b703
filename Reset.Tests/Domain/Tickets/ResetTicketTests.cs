using Reset.Domain.Accounts;
using Reset.Domain.Logins;
using Reset.Domain.Tickets;

namespace Reset.Tests.Domain.Tickets;

public sealed class ResetTicketTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly ResetRules Rules = new();

    [Fact]
    public void Ticket_lives_30_minutes()
    {
        var ticket = RealTicket();

        ticket.ExpiresAt.ShouldBe(Now.AddMinutes(30));
        ticket.IsExpired(Now.AddMinutes(29)).ShouldBeFalse();
        ticket.IsExpired(Now.AddMinutes(30)).ShouldBeTrue();
    }

    [Fact]
    public void A_ticket_started_before_the_password_changed_may_not_change_it_again()
    {
        var ticket = RealTicket();

        ticket.PredatesPasswordChange(Now.AddSeconds(1)).ShouldBeTrue();
        ticket.PredatesPasswordChange(Now).ShouldBeFalse();
        ticket.PredatesPasswordChange(Now.AddDays(-3)).ShouldBeFalse();
    }

    [Fact]
    public void An_active_account_gets_a_real_ticket_addressed_to_its_own_email()
    {
        var ticket = RealTicket();

        ticket.IsDecoy.ShouldBeFalse();
        ticket.Recipient.ShouldBe("john@example.com");
        ticket.Destination.ShouldBe("j***n@e***.com");
    }

    [Theory]
    [InlineData(AccountStatus.Locked)]
    [InlineData(AccountStatus.Disabled)]
    public void A_locked_or_disabled_account_gets_a_decoy_with_no_recipient(AccountStatus status)
    {
        var account = Account();
        account.ChangeStatus(status, Now);

        var ticket = ResetTicket.Start(TicketId.New(), Login("john@example.com"), account, Now, Rules);

        ticket.IsDecoy.ShouldBeTrue();
        ticket.Recipient.ShouldBeNull();
        ticket.UserId.ShouldBeNull();
        ticket.Destination.ShouldBe("j***n@e***.com");
    }

    [Fact]
    public void An_unknown_login_gets_a_decoy_whose_counters_use_the_normalised_login()
    {
        var ticket = ResetTicket.Start(TicketId.New(), Login("Nobody@Example.com"), null, Now, Rules);

        ticket.IsDecoy.ShouldBeTrue();
        ticket.AccountKey.ShouldBe("email:nobody@example.com");
    }

    [Fact]
    public void A_member_id_login_shows_no_destination_even_for_a_real_account()
    {
        var ticket = ResetTicket.Start(TicketId.New(), Login("john_d"), Account(), Now, Rules);

        ticket.Destination.ShouldBeNull();
        ticket.Recipient.ShouldBe("john@example.com");
    }

    [Fact]
    public void Resend_is_refused_for_60_seconds_after_a_code()
    {
        var ticket = RealTicket();
        ticket.RecordCodeSent(Now, Rules);

        ticket.DecideCodeRequest(Now.AddSeconds(59), Rules).ShouldBe(CodeRequestDecision.TooSoon);
        ticket.DecideCodeRequest(Now.AddSeconds(60), Rules).ShouldBe(CodeRequestDecision.Allowed);
        ticket.ResendAvailableAt(Rules).ShouldBe(Now.AddSeconds(60));
    }

    [Fact]
    public void At_most_three_codes_per_ticket()
    {
        var ticket = RealTicket();
        for (var i = 0; i < 3; i++)
        {
            ticket.RecordCodeSent(Now.AddMinutes(i * 2), Rules);
        }

        ticket.SendsRemaining(Rules).ShouldBe(0);
        ticket.DecideCodeRequest(Now.AddMinutes(10), Rules).ShouldBe(CodeRequestDecision.NoCodesLeft);
        Should.Throw<InvalidOperationException>(() => ticket.RecordCodeSent(Now.AddMinutes(10), Rules));
    }

    [Fact]
    public void Code_lives_10_minutes_but_never_past_its_ticket()
    {
        var ticket = RealTicket();

        ticket.CodeExpiryFor(Now, Rules).ShouldBe(Now.AddMinutes(10));
        ticket.CodeExpiryFor(Now.AddMinutes(25), Rules).ShouldBe(ticket.ExpiresAt);
    }

    [Fact]
    public void No_code_is_sent_on_an_expired_ticket()
    {
        RealTicket().DecideCodeRequest(Now.AddMinutes(30), Rules).ShouldBe(CodeRequestDecision.TicketExpired);
    }

    [Theory]
    [InlineData(TicketStatus.Locked, CodeRequestDecision.TicketLocked)]
    [InlineData(TicketStatus.Verified, CodeRequestDecision.WrongState)]
    [InlineData(TicketStatus.Completed, CodeRequestDecision.WrongState)]
    public void No_code_is_sent_once_a_ticket_is_locked_verified_or_completed(TicketStatus status, CodeRequestDecision expected)
    {
        var ticket = ResetTicket.Restore(TicketId.New(), false, Guid.NewGuid(), "user:x", null, "john@example.com", "en",
            Now, Now.AddMinutes(30), status, 1, Now, Now.AddMinutes(10), 0);

        ticket.DecideCodeRequest(Now.AddMinutes(5), Rules).ShouldBe(expected);
    }

    [Fact]
    public void Wrong_codes_count_down_the_attempts_remaining()
    {
        var ticket = ResetTicket.Restore(TicketId.New(), false, Guid.NewGuid(), "user:x", null, "john@example.com", "en",
            Now, Now.AddMinutes(30), TicketStatus.CodeSent, 1, Now, Now.AddMinutes(10), wrongCodes: 3);

        ticket.AttemptsRemaining(Rules).ShouldBe(2);
    }

    private static ResetTicket RealTicket() => ResetTicket.Start(TicketId.New(), Login("john@example.com"), Account(), Now, Rules);

    private static UserAccount Account() =>
        UserAccount.Register(Guid.NewGuid(), EmailAddress.Parse("john@example.com"), MemberId.Parse("john_d"), "$argon2id$stub", Now);

    private static LoginIdentifier Login(string text) => LoginIdentifier.TryParse(text, out var login) ? login : throw new ArgumentException(text);
}

using Reset.Domain.Tickets;

namespace Reset.Tests.Domain.Tickets;

public sealed class TicketValuesTests
{
    [Fact]
    public void Code_keeps_leading_zeros()
    {
        VerificationCode.Generate(_ => 42).Value.ShouldBe("000042");
    }

    [Fact]
    public void Code_is_drawn_uniformly_from_a_million_values()
    {
        var asked = 0;
        VerificationCode.Generate(max =>
        {
            asked = max;
            return max - 1;
        }).Value.ShouldBe("999999");

        asked.ShouldBe(1_000_000);
    }

    [Fact]
    public void Code_never_prints_itself()
    {
        VerificationCode.TryParse("123456", out var code).ShouldBeTrue();

        code.ToString().ShouldNotContain("123456");
        $"{code}".ShouldNotContain("123456");
    }

    [Theory]
    [InlineData("000000", true)]
    [InlineData("999999", true)]
    [InlineData("12345", false)]
    [InlineData("1234567", false)]
    [InlineData(" 123456", false)]
    [InlineData("12345a", false)]
    [InlineData("١٢٣٤٥٦", false)]
    [InlineData(null, false)]
    public void Code_is_exactly_six_ascii_digits(string? text, bool valid)
    {
        VerificationCode.TryParse(text, out _).ShouldBe(valid);
    }

    [Fact]
    public void Ticket_ids_are_26_base32_characters_and_do_not_repeat()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => TicketId.New().Value).ToList();

        ids.ShouldAllBe(id => id.Length == 26 && id.All(c => "abcdefghijklmnopqrstuvwxyz234567".Contains(c)));
        ids.Distinct().Count().ShouldBe(ids.Count);
        TicketId.TryParse(ids[0], out _).ShouldBeTrue();
        TicketId.TryParse(ids[0].ToUpperInvariant(), out _).ShouldBeFalse();
        TicketId.TryParse(ids[0][..25], out _).ShouldBeFalse();
    }

    [Fact]
    public void Reset_token_carries_256_random_bits_in_base64url()
    {
        var token = ResetToken.New();

        token.Value.Length.ShouldBe(43);
        Convert.FromBase64String(token.Value.Replace('-', '+').Replace('_', '/') + "=").Length.ShouldBe(32);
        ResetToken.TryParse(token.Value, out _).ShouldBeTrue();
        ResetToken.New().Value.ShouldNotBe(token.Value);
        token.ToString().ShouldNotContain(token.Value);
    }

    [Fact]
    public void Default_rules_are_the_design_numbers_and_valid()
    {
        var rules = new ResetRules();

        rules.TicketLifetime.ShouldBe(TimeSpan.FromMinutes(30));
        rules.CodeLifetime.ShouldBe(TimeSpan.FromMinutes(10));
        rules.ResendCooldown.ShouldBe(TimeSpan.FromSeconds(60));
        rules.MaxCodesPerTicket.ShouldBe(3);
        rules.MaxWrongCodesPerTicket.ShouldBe(5);
        rules.MaxWrongCodesPerAccount.ShouldBe(10);
        rules.WrongCodeWindow.ShouldBe(TimeSpan.FromDays(1));
        rules.ResetTokenLifetime.ShouldBe(TimeSpan.FromMinutes(10));
        rules.MaxPasswordSubmissionsPerToken.ShouldBe(5);
        rules.FindInvalid().ShouldBeNull();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public void A_reset_token_allows_between_1_and_20_password_submissions(int submissions)
    {
        new ResetRules { MaxPasswordSubmissionsPerToken = submissions }.FindInvalid().ShouldNotBeNull()
            .ShouldStartWith("MaxPasswordSubmissionsPerToken");
    }

    [Fact]
    public void A_code_lifetime_longer_than_the_ticket_is_invalid()
    {
        new ResetRules { CodeLifetime = TimeSpan.FromHours(1) }.FindInvalid().ShouldNotBeNull().ShouldStartWith("CodeLifetime");
    }
}

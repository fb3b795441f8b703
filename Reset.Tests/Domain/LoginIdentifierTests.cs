using Reset.Domain.Logins;

namespace Reset.Tests.Domain;

public sealed class LoginIdentifierTests
{
    [Theory]
    [InlineData("john@example.com")]
    [InlineData("  John@Example.COM ")]
    [InlineData("JOHN@example.com")]
    public void Every_spelling_of_one_address_normalizes_the_same(string typed)
    {
        LoginIdentifier.TryParse(typed, out var login).ShouldBeTrue();

        login.IsEmail.ShouldBeTrue();
        login.Normalized.ShouldBe("email:john@example.com");
    }

    [Fact]
    public void A_login_without_an_at_sign_is_a_member_id()
    {
        LoginIdentifier.TryParse("Buyer_1982", out var login).ShouldBeTrue();

        login.IsEmail.ShouldBeFalse();
        login.MemberId!.Value.ShouldBe("buyer_1982");
        login.Normalized.ShouldBe("member:buyer_1982");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a")]
    [InlineData("john@")]
    [InlineData("@example.com")]
    [InlineData("john@example")]
    [InlineData("jo hn@example.com")]
    [InlineData("john@@example.com")]
    [InlineData("john@example..com")]
    [InlineData("john@example.com\r\nBcc: victim@example.com")]
    [InlineData("member id")]
    [InlineData("member\u0000id")]
    public void Malformed_logins_are_refused(string? typed)
    {
        LoginIdentifier.TryParse(typed, out _).ShouldBeFalse();
    }

    [Fact]
    public void Fullwidth_characters_are_folded_by_NFKC_before_comparison()
    {
        // "ｄｅｍｏ" (fullwidth) is the same member ID as "demo" after NFKC.
        LoginIdentifier.TryParse("\uFF44\uFF45\uFF4D\uFF4F", out var login).ShouldBeTrue();

        login.Normalized.ShouldBe("member:demo");
    }

    [Fact]
    public void A_member_id_login_shows_no_destination()
    {
        LoginIdentifier.TryParse("demo", out var login).ShouldBeTrue();

        login.MaskedDestination.ShouldBeNull();
    }

    [Fact]
    public void An_email_login_shows_the_typed_address_masked()
    {
        LoginIdentifier.TryParse("john@example.com", out var login).ShouldBeTrue();

        login.MaskedDestination.ShouldBe("j***n@e***.com");
    }
}

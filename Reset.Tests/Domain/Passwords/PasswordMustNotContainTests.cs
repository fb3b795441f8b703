using Reset.Domain.Passwords;

namespace Reset.Tests.Domain.Passwords;

public sealed class PasswordMustNotContainTests
{
    [Theory]
    [InlineData("my-buyer_1982-secret")]
    [InlineData("MY-BUYER_1982-SECRET")]
    [InlineData("buyer-1982 rules the roost")]
    public void Password_must_not_contain_the_member_id(string password)
    {
        PolicyFor.Tests().Evaluate(password, new PasswordContext(Login: "Buyer_1982", MemberId: "buyer_1982"))
            .Codes().ShouldBe([PasswordViolationCodes.ContainsLogin]);
    }

    [Fact]
    public void Password_must_not_contain_the_login_as_typed_in_fullwidth_letters()
    {
        PolicyFor.Tests().Evaluate("johnsmith was here", new PasswordContext(Login: "\uFF4A\uFF4F\uFF48\uFF4E\uFF53\uFF4D\uFF49\uFF54\uFF48"))
            .Codes().ShouldBe([PasswordViolationCodes.ContainsLogin]);
    }

    [Theory]
    [InlineData("JohnSmith-likes-tea")]
    [InlineData("tea for john.smith!")]
    public void Password_must_not_contain_the_email_local_part(string password)
    {
        PolicyFor.Tests().Evaluate(password, new PasswordContext(Email: "john.smith@example.com"))
            .Codes().ShouldBe([PasswordViolationCodes.ContainsEmailLocalPart]);
    }

    [Fact]
    public void Password_must_not_contain_the_whole_email_login()
    {
        var context = new PasswordContext(Login: "john.smith@example.com", Email: "john.smith@example.com");

        PolicyFor.Tests().Evaluate("john.smith@example.com!", context).Codes()
            .ShouldBe([PasswordViolationCodes.ContainsLogin, PasswordViolationCodes.ContainsEmailLocalPart]);
    }

    [Theory]
    [InlineData("i shop at exampleshop")]
    [InlineData("EXAMPLE-SHOP forever 42")]
    public void Password_must_not_contain_the_shop_name(string password)
    {
        var evaluation = PolicyFor.Tests().Evaluate(password, PasswordContext.None);

        evaluation.Codes().ShouldBe([PasswordViolationCodes.ContainsShopName]);
        evaluation.Violations.Single().Message.ShouldContain("Example Shop");
    }

    [Fact]
    public void The_configured_shop_name_is_the_one_checked()
    {
        var policy = PolicyFor.Tests(new PasswordPolicySettings { ShopName = "Acme Bricks" });

        policy.Evaluate("acmebricks are red", PasswordContext.None).Codes().ShouldBe([PasswordViolationCodes.ContainsShopName]);
        policy.Evaluate("example shop is elsewhere", PasswordContext.None).Acceptable.ShouldBeTrue();
    }

    [Fact]
    public void Fragments_shorter_than_three_letters_or_digits_are_not_checked()
    {
        var context = new PasswordContext(Login: "jo", Email: "li@example.com", MemberId: "jo");

        PolicyFor.Tests().Evaluate("jolly lime tree jo li", context).Acceptable.ShouldBeTrue();
    }

    [Fact]
    public void A_login_made_of_separators_alone_is_not_checked()
    {
        PolicyFor.Tests().Evaluate("wait... what---", new PasswordContext(Login: "...---", MemberId: "...---")).Acceptable.ShouldBeTrue();
    }

    [Fact]
    public void Without_context_only_the_shop_name_is_checked()
    {
        PolicyFor.Tests().Evaluate("john.smith buyer_1982", PasswordContext.None).Acceptable.ShouldBeTrue();
    }
}

using Reset.Domain.Passwords;

namespace Reset.Tests.Domain.Passwords;

public sealed class PasswordMustNotBeCommonTests
{
    [Theory]
    [InlineData("password1234")]
    [InlineData("qwertyuiop12")]
    [InlineData("PassWord1234")]
    [InlineData("1QAZ2WSX3EDC")]
    public void Password_must_not_be_common_in_any_letter_case(string password)
    {
        PolicyFor.Tests().Evaluate(password, PasswordContext.None).Codes().ShouldBe([PasswordViolationCodes.CommonPassword]);
    }

    [Fact]
    public void The_blocklist_can_be_turned_off()
    {
        var policy = PolicyFor.Tests(new PasswordPolicySettings { CheckBlocklist = false });

        policy.Evaluate("password1234", PasswordContext.None).Acceptable.ShouldBeTrue();
    }

    [Fact]
    public void A_lower_minimum_length_meets_the_short_common_passwords_too()
    {
        var policy = PolicyFor.Tests(new PasswordPolicySettings { MinLength = 8 });

        policy.Evaluate("baseball", PasswordContext.None).Codes().ShouldBe([PasswordViolationCodes.CommonPassword]);
    }
}

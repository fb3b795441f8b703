using Reset.Domain.Passwords;

namespace Reset.Tests.Domain.Passwords;

public sealed class PasswordMustContainTests
{
    private static readonly PasswordPolicySettings AllKinds = new() { RequireDigit = true, RequireUppercase = true, RequireLowercase = true };

    [Fact]
    public void Composition_rules_are_off_by_default()
    {
        var settings = new PasswordPolicySettings();

        settings.RequireDigit.ShouldBeFalse();
        settings.RequireUppercase.ShouldBeFalse();
        settings.RequireLowercase.ShouldBeFalse();
        PolicyFor.Tests().Evaluate("only lower case words here", PasswordContext.None).Acceptable.ShouldBeTrue();
    }

    [Fact]
    public void Password_must_contain_a_digit_when_required()
    {
        PolicyFor.Tests(AllKinds).Evaluate("Lower And Upper Words", PasswordContext.None).Codes().ShouldBe([PasswordViolationCodes.NeedsDigit]);
    }

    [Fact]
    public void Password_must_contain_an_uppercase_letter_when_required()
    {
        PolicyFor.Tests(AllKinds).Evaluate("lower words and 42", PasswordContext.None).Codes().ShouldBe([PasswordViolationCodes.NeedsUppercase]);
    }

    [Fact]
    public void Password_must_contain_a_lowercase_letter_when_required()
    {
        PolicyFor.Tests(AllKinds).Evaluate("UPPER WORDS AND 42", PasswordContext.None).Codes().ShouldBe([PasswordViolationCodes.NeedsLowercase]);
    }

    [Fact]
    public void Each_missing_kind_is_its_own_violation()
    {
        PolicyFor.Tests(AllKinds).Evaluate("!!!???...,,,;;;", PasswordContext.None).Codes()
            .ShouldBe([PasswordViolationCodes.NeedsDigit, PasswordViolationCodes.NeedsUppercase, PasswordViolationCodes.NeedsLowercase]);
    }

    [Fact]
    public void A_fullwidth_digit_is_a_digit_after_NFKC()
    {
        PolicyFor.Tests(AllKinds).Evaluate("Lower And Upper \uFF17", PasswordContext.None).Acceptable.ShouldBeTrue();
    }
}

using Reset.Domain.Passwords;

namespace Reset.Tests.Domain.Passwords;

public sealed class PasswordMustBeLongEnoughTests
{
    [Fact]
    public void Password_must_be_at_least_12_code_points_by_default()
    {
        var policy = PolicyFor.Tests();

        policy.Evaluate("Kt9!pW2@mNq", PasswordContext.None).Codes().ShouldBe([PasswordViolationCodes.TooShort]);
        policy.Evaluate("Kt9!pW2@mNqz", PasswordContext.None).Acceptable.ShouldBeTrue();
    }

    [Fact]
    public void The_message_tells_the_configured_minimum()
    {
        var evaluation = PolicyFor.Tests(new PasswordPolicySettings { MinLength = 16 }).Evaluate("Kt9!pW2@mNqz", PasswordContext.None);

        evaluation.Violations.Single().Message.ShouldContain("at least 16 characters");
    }

    [Fact]
    public void An_empty_password_is_too_short()
    {
        PolicyFor.Tests().Evaluate(string.Empty, PasswordContext.None).Codes().ShouldContain(PasswordViolationCodes.TooShort);
    }
}

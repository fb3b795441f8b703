using Reset.Domain.Passwords;

namespace Reset.Tests.Domain.Passwords;

public sealed class PasswordMustNotBeTooLongTests
{
    [Fact]
    public void Password_must_not_be_longer_than_128_code_points_by_default()
    {
        var policy = PolicyFor.Tests();

        policy.Evaluate(new string('k', 128), PasswordContext.None).Acceptable.ShouldBeTrue();
        policy.Evaluate(new string('k', 129), PasswordContext.None).Codes().ShouldBe([PasswordViolationCodes.TooLong]);
    }

    [Fact]
    public void Emoji_count_once_towards_the_maximum()
    {
        var policy = PolicyFor.Tests();

        policy.Evaluate(string.Concat(Enumerable.Repeat("\U0001F511", 128)), PasswordContext.None).Acceptable.ShouldBeTrue();
        policy.Evaluate(string.Concat(Enumerable.Repeat("\U0001F511", 129)), PasswordContext.None).Codes().ShouldBe([PasswordViolationCodes.TooLong]);
    }
}

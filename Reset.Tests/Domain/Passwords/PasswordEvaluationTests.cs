using Reset.Domain.Passwords;

namespace Reset.Tests.Domain.Passwords;

public sealed class PasswordEvaluationTests
{
    [Fact]
    public void An_evaluation_without_violations_is_acceptable()
    {
        new PasswordEvaluation(4, []).Acceptable.ShouldBeTrue();
    }

    [Fact]
    public void WithViolation_makes_an_acceptable_evaluation_unacceptable_and_keeps_the_score()
    {
        var acceptable = PolicyFor.Tests().Evaluate("blue cactus river lamp", PasswordContext.None);

        var rejected = acceptable.WithViolation(PasswordViolation.SameAsCurrent);

        acceptable.Acceptable.ShouldBeTrue();
        rejected.Acceptable.ShouldBeFalse();
        rejected.Score.ShouldBe(acceptable.Score);
        rejected.Codes().ShouldBe([PasswordViolationCodes.SameAsCurrent]);
        acceptable.Violations.ShouldBeEmpty(); // the original is unchanged
    }

    [Fact]
    public void WithViolation_adds_to_the_violations_already_found()
    {
        var tooShort = PolicyFor.Tests().Evaluate("short", PasswordContext.None);

        tooShort.WithViolation(PasswordViolation.SameAsCurrent).Codes()
            .ShouldBe([PasswordViolationCodes.TooShort, PasswordViolationCodes.SameAsCurrent]);
    }

    [Fact]
    public void WithViolation_lists_one_code_once()
    {
        var once = new PasswordEvaluation(4, []).WithViolation(PasswordViolation.SameAsCurrent);

        once.WithViolation(PasswordViolation.SameAsCurrent).Violations.Count.ShouldBe(1);
    }
}

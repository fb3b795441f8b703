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
    public void An_evaluation_with_a_violation_is_not_acceptable()
    {
        PolicyFor.Tests().Evaluate("short", PasswordContext.None).Acceptable.ShouldBeFalse();
    }
}

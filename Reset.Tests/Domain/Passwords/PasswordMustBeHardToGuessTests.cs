using Reset.Domain.Passwords;

namespace Reset.Tests.Domain.Passwords;

public sealed class PasswordMustBeHardToGuessTests
{
    private const string Uncommon = "blue cactus river lamp";

    [Fact]
    public void Password_must_be_hard_to_guess()
    {
        var evaluation = PolicyFor.Tests(score: 2).Evaluate(Uncommon, PasswordContext.None);

        evaluation.Codes().ShouldBe([PasswordViolationCodes.TooWeak]);
        evaluation.Score.ShouldBe(2);
    }

    [Fact]
    public void The_default_minimum_score_of_3_is_enough()
    {
        new PasswordPolicySettings().MinScore.ShouldBe(3);
        PolicyFor.Tests(score: 3).Evaluate(Uncommon, PasswordContext.None).Acceptable.ShouldBeTrue();
    }

    [Fact]
    public void A_minimum_score_of_0_accepts_any_score()
    {
        PolicyFor.Tests(new PasswordPolicySettings { MinScore = 0 }, score: 0).Evaluate(Uncommon, PasswordContext.None).Acceptable.ShouldBeTrue();
    }

    [Fact]
    public void A_score_off_the_scale_is_kept_on_it()
    {
        PolicyFor.Tests(score: 9).Evaluate(Uncommon, PasswordContext.None).Score.ShouldBe(4);
    }

    [Fact]
    public void The_estimator_is_given_the_login_the_email_local_part_and_the_shop_name()
    {
        var estimator = new FixedScore(4);
        var policy = new PasswordPolicy(new PasswordPolicySettings(), new EmbeddedPasswordBlocklist(), estimator);

        policy.Evaluate(Uncommon, new PasswordContext(Login: "John.Smith@Example.com", Email: "John.Smith@example.com"));

        estimator.LastUserInputs.ShouldContain("john.smith@example.com");
        estimator.LastUserInputs.ShouldContain("john.smith");
        estimator.LastUserInputs.ShouldContain("example shop");
        estimator.LastUserInputs.ShouldContain("exampleshop");
    }
}

using Reset.Domain.Passwords;

namespace Reset.Tests.Domain.Passwords;

/// <summary>Normalisation, code-point counting and the shape of a verdict; each rule has its own tests.</summary>
public sealed class PasswordPolicyTests
{
    private const string Fullwidth = "\uFF50\uFF41\uFF53\uFF53\uFF57\uFF4F\uFF52\uFF44\uFF11\uFF12\uFF13\uFF14"; // ｐａｓｓｗｏｒｄ１２３４

    [Fact]
    public void Fullwidth_letters_are_normalised_to_the_password_they_spell()
    {
        PasswordPolicy.Normalize(Fullwidth).ShouldBe("password1234");
    }

    [Fact]
    public void Every_rule_checks_the_normalised_password()
    {
        var estimator = new FixedScore(4);
        var policy = new PasswordPolicy(new PasswordPolicySettings(), new EmbeddedPasswordBlocklist(), estimator);

        var evaluation = policy.Evaluate(Fullwidth, PasswordContext.None);

        evaluation.Codes().ShouldContain(PasswordViolationCodes.CommonPassword);
        estimator.LastPassword.ShouldBe("password1234");
    }

    [Fact]
    public void A_decomposed_accent_counts_as_one_code_point_after_NFKC()
    {
        // "e" + U+0301 composes to "é": twelve of them are 24 UTF-16 units typed, 12 code points checked.
        var twelve = string.Concat(Enumerable.Repeat("e\u0301", 12));
        var eleven = string.Concat(Enumerable.Repeat("e\u0301", 11));

        PasswordPolicy.Normalize(twelve).ShouldBe(new string('\u00E9', 12));
        PolicyFor.Tests().Evaluate(twelve, PasswordContext.None).Codes().ShouldNotContain(PasswordViolationCodes.TooShort);
        PolicyFor.Tests().Evaluate(eleven, PasswordContext.None).Codes().ShouldContain(PasswordViolationCodes.TooShort);
    }

    [Fact]
    public void A_combining_mark_with_no_precomposed_form_counts_as_its_own_code_point()
    {
        // "q" + U+0301 has no single code point: six pairs stay twelve code points.
        var sixPairs = string.Concat(Enumerable.Repeat("q\u0301", 6));

        PasswordPolicy.Normalize(sixPairs).Length.ShouldBe(12);
        PolicyFor.Tests().Evaluate(sixPairs, PasswordContext.None).Codes().ShouldNotContain(PasswordViolationCodes.TooShort);
    }

    [Fact]
    public void An_emoji_counts_as_one_code_point()
    {
        var twelve = string.Concat(Enumerable.Repeat("\U0001F600", 12));
        var eleven = string.Concat(Enumerable.Repeat("\U0001F600", 11));

        twelve.Length.ShouldBe(24);
        PolicyFor.Tests().Evaluate(twelve, PasswordContext.None).Acceptable.ShouldBeTrue();
        PolicyFor.Tests().Evaluate(eleven, PasswordContext.None).Codes().ShouldContain(PasswordViolationCodes.TooShort);
    }

    [Fact]
    public void Twelve_spaces_are_long_enough()
    {
        var evaluation = PolicyFor.Tests().Evaluate(new string(' ', 12), PasswordContext.None);

        evaluation.Codes().ShouldNotContain(PasswordViolationCodes.TooShort);
        evaluation.Acceptable.ShouldBeTrue(); // with a strength score of 4: the score, not the length, judges spaces
    }

    [Fact]
    public void Nothing_is_truncated_so_the_129th_character_of_a_long_password_still_counts()
    {
        var policy = PolicyFor.Tests(new PasswordPolicySettings { MaxLength = 1024 });
        var filler = string.Concat(Enumerable.Repeat("Zq7#", 32)); // 128 characters
        var withLogin = filler + "buyer_1982" + new string('x', 62);
        var withoutLogin = filler + "Kt9!pW2@mN" + new string('x', 62);

        withLogin.Length.ShouldBe(200);
        PasswordPolicy.Normalize(withLogin).ShouldBe(withLogin);
        policy.Evaluate(withLogin, new PasswordContext(Login: "buyer_1982")).Codes().ShouldBe([PasswordViolationCodes.ContainsLogin]);
        policy.Evaluate(withoutLogin, new PasswordContext(Login: "buyer_1982")).Acceptable.ShouldBeTrue();
    }

    [Fact]
    public void A_password_that_is_not_valid_Unicode_is_refused_without_showing_it()
    {
        var exception = Should.Throw<ArgumentException>(() => PolicyFor.Tests().Evaluate("secret\uD800secret", PasswordContext.None));

        exception.Message.ShouldNotContain("secret");
    }

    [Fact]
    public void A_verdict_holds_no_part_of_the_password()
    {
        var evaluation = PolicyFor.Tests(score: 0).Evaluate("hunter2-hunter2", new PasswordContext(Login: "hunter"));

        evaluation.ToString().ShouldNotContain("hunter2");
        evaluation.Violations.ShouldAllBe(v => !v.Message.Contains("hunter2"));
    }

    [Fact]
    public void Every_violation_has_a_snake_case_code_and_a_message()
    {
        var evaluation = PolicyFor.Tests(new PasswordPolicySettings { RequireDigit = true, RequireUppercase = true }, score: 0)
            .Evaluate("exampleshop", new PasswordContext("exampleshop", "exampleshop@example.com"));

        evaluation.Violations.Count.ShouldBeGreaterThan(4);
        evaluation.Violations.ShouldAllBe(v => System.Text.RegularExpressions.Regex.IsMatch(v.Code, "^[a-z]+(_[a-z]+)*$") && v.Message.Length > 10);
    }

    [Theory]
    [InlineData(0, 128, 3)]
    [InlineData(12, 11, 3)]
    [InlineData(12, 2000, 3)]
    [InlineData(12, 128, 5)]
    [InlineData(12, 128, -1)]
    public void Settings_out_of_range_are_refused(int minLength, int maxLength, int minScore)
    {
        Should.Throw<ArgumentOutOfRangeException>(() =>
            PolicyFor.Tests(new PasswordPolicySettings { MinLength = minLength, MaxLength = maxLength, MinScore = minScore }));
    }
}

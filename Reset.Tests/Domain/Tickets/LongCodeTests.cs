using Reset.Domain.Tickets;

namespace Reset.Tests.Domain.Tickets;

/// <summary>The long code an account is e-mailed once its wrong-code budget is spent.</summary>
public sealed class LongCodeTests
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    [Fact]
    public void Long_code_is_ten_characters_each_drawn_uniformly_from_crockfords_32()
    {
        var asked = new List<int>();
        var next = 0;

        var code = VerificationCode.GenerateLong(max =>
        {
            asked.Add(max);
            return next++ * 3 % max;
        });

        asked.ShouldBe(Enumerable.Repeat(32, 10));
        code.Kind.ShouldBe(CodeKind.Long);
        code.Value.ShouldBe("0369CFJNRV");
        code.Value.ShouldAllBe(c => Alphabet.Contains(c));
    }

    [Fact]
    public void Long_code_is_shown_in_two_groups_of_five()
    {
        VerificationCode.TryParse("0369CFJMQT", out var code).ShouldBeTrue();

        code.Display.ShouldBe("0369C-FJMQT");
        code.ToString().ShouldNotContain("0369");
    }

    [Theory]
    [InlineData("0369C-FJMQT")]
    [InlineData("0369cfjmqt")]
    [InlineData("0369c fjmqt")]
    [InlineData("O369CFJMQT")]
    public void Long_code_is_read_in_any_letter_case_with_or_without_its_hyphen(string typed)
    {
        VerificationCode.TryParse(typed, out var code).ShouldBeTrue();

        code.Value.ShouldBe("0369CFJMQT");
        code.Kind.ShouldBe(CodeKind.Long);
    }

    [Fact]
    public void I_and_L_read_as_one_as_crockfords_base32_prescribes()
    {
        VerificationCode.TryParse("il00000000", out var code).ShouldBeTrue();

        code.Value.ShouldBe("1100000000");
    }

    [Theory]
    [InlineData("0369CFJMQ")]
    [InlineData("0369CFJMQTX")]
    [InlineData("0369CFJMQU")]
    [InlineData("0369CFJMQ!")]
    [InlineData("0369CFJMQ\u00c9")]
    [InlineData("-----------0369CFJMQT")]
    public void Anything_else_is_not_a_long_code(string typed)
    {
        VerificationCode.TryParse(typed, out _).ShouldBeFalse();
    }

    [Fact]
    public void Six_digits_are_sent_while_the_wrong_code_budget_lasts_and_a_long_code_once_it_is_spent()
    {
        VerificationCode.KindToSend(wrongCodeBudgetSpent: false).ShouldBe(CodeKind.Short);
        VerificationCode.KindToSend(wrongCodeBudgetSpent: true).ShouldBe(CodeKind.Long);
    }
}

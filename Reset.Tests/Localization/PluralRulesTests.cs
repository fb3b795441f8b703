using Reset.Infrastructure.Localization;

namespace Reset.Tests.Localization;

/// <summary>CLDR's cardinal rules for whole numbers, checked against its published examples.</summary>
public sealed class PluralRulesTests
{
    [Theory]
    [InlineData(1, PluralCategory.One)]
    [InlineData(0, PluralCategory.Other)]
    [InlineData(2, PluralCategory.Other)]
    [InlineData(11, PluralCategory.Other)]
    [InlineData(21, PluralCategory.Other)]
    [InlineData(101, PluralCategory.Other)]
    [InlineData(-1, PluralCategory.One)]
    public void English_has_one_for_1_and_other_for_everything_else(long count, PluralCategory expected) =>
        PluralRules.CategoryOf(Language.English, count).ShouldBe(expected);

    [Theory]
    [InlineData(1, PluralCategory.One)]
    [InlineData(21, PluralCategory.One)]
    [InlineData(101, PluralCategory.One)]
    [InlineData(1001, PluralCategory.One)]
    [InlineData(2, PluralCategory.Few)]
    [InlineData(3, PluralCategory.Few)]
    [InlineData(4, PluralCategory.Few)]
    [InlineData(22, PluralCategory.Few)]
    [InlineData(34, PluralCategory.Few)]
    [InlineData(102, PluralCategory.Few)]
    [InlineData(0, PluralCategory.Many)]
    [InlineData(5, PluralCategory.Many)]
    [InlineData(10, PluralCategory.Many)]
    [InlineData(11, PluralCategory.Many)]
    [InlineData(12, PluralCategory.Many)]
    [InlineData(14, PluralCategory.Many)]
    [InlineData(19, PluralCategory.Many)]
    [InlineData(20, PluralCategory.Many)]
    [InlineData(25, PluralCategory.Many)]
    [InlineData(111, PluralCategory.Many)]
    [InlineData(112, PluralCategory.Many)]
    [InlineData(114, PluralCategory.Many)]
    [InlineData(-21, PluralCategory.One)]
    [InlineData(-3, PluralCategory.Few)]
    public void Ukrainian_and_Russian_have_one_few_and_many_by_the_last_two_digits(long count, PluralCategory expected)
    {
        PluralRules.CategoryOf(Language.Ukrainian, count).ShouldBe(expected);
        PluralRules.CategoryOf(Language.Russian, count).ShouldBe(expected);
    }

    [Fact]
    public void The_extremes_of_long_have_a_category()
    {
        PluralRules.CategoryOf(Language.Russian, long.MinValue).ShouldBe(PluralCategory.Many); // …808
        PluralRules.CategoryOf(Language.Russian, long.MaxValue).ShouldBe(PluralCategory.Many); // …807
    }

    [Theory]
    [InlineData(1, "1 minute", "1 хвилину", "1 минуту")]
    [InlineData(3, "3 minutes", "3 хвилини", "3 минуты")]
    [InlineData(5, "5 minutes", "5 хвилин", "5 минут")]
    [InlineData(10, "10 minutes", "10 хвилин", "10 минут")]
    [InlineData(12, "12 minutes", "12 хвилин", "12 минут")]
    [InlineData(21, "21 minutes", "21 хвилину", "21 минуту")]
    [InlineData(24, "24 minutes", "24 хвилини", "24 минуты")]
    public void A_count_takes_the_form_of_its_category_in_each_language(long count, string en, string uk, string ru)
    {
        var minutes = Units.Minutes.Of(count);

        minutes.In(Language.English).ShouldBe(en);
        minutes.In(Language.Ukrainian).ShouldBe(uk);
        minutes.In(Language.Russian).ShouldBe(ru);
    }

    [Theory]
    [InlineData(1, "1 second", "1 секунду")]
    [InlineData(42, "42 seconds", "42 секунди")]
    [InlineData(90, "90 seconds", "90 секунд")]
    [InlineData(91, "2 minutes", "2 хвилини")]
    [InlineData(1260, "21 minutes", "21 хвилину")]
    [InlineData(5400, "90 minutes", "90 хвилин")]
    [InlineData(5401, "2 hours", "2 години")]
    [InlineData(86_400, "24 hours", "24 години")]
    public void A_wait_is_said_in_the_largest_unit_that_reads_at_a_glance_rounded_up(int seconds, string en, string uk)
    {
        var wait = Units.Wait(TimeSpan.FromSeconds(seconds));

        wait.In(Language.English).ShouldBe(en);
        wait.In(Language.Ukrainian).ShouldBe(uk);
    }

    [Fact]
    public void A_wait_under_a_second_is_one_second() => Units.Wait(TimeSpan.FromMilliseconds(10)).In(Language.Russian).ShouldBe("1 секунду");
}

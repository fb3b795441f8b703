using System.Globalization;
using Reset.Infrastructure.Localization;

namespace Reset.Tests.Localization;

public sealed class TextTests
{
    private static readonly Text Greeting = new("Hello {name}, {count}", "Привіт, {name}: {count}", "Привет, {name}: {count}");

    [Fact]
    public void Blanks_are_filled_in_the_language_asked_for_and_numbers_are_written_the_same_everywhere()
    {
        var text = Greeting.With("name", "Олена").With("count", Units.Minutes.Of(1234));

        text.In(Language.English).ShouldBe("Hello Олена, 1234 minutes");
        text.In(Language.Ukrainian).ShouldBe("Привіт, Олена: 1234 хвилини");
        text.In(Language.Russian).ShouldBe("Привет, Олена: 1234 минуты");
    }

    [Fact]
    public void Numbers_do_not_follow_the_threads_culture()
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("uk-UA");
        try
        {
            new Text("{n}", "{n}", "{n}").With("n", 1.5).In(Language.Ukrainian).ShouldBe("1.5");
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void A_missing_value_fails_loudly_instead_of_showing_a_brace() =>
        Should.Throw<InvalidOperationException>(() => Greeting.With("name", "x").In(Language.English)).Message.ShouldContain("{count}");

    [Fact]
    public void Braces_around_anything_but_a_name_are_plain_text() =>
        new Text("{ } {1} {a-b} {}", "x", "x").In(Language.English).ShouldBe("{ } {1} {a-b} {}");

    [Fact]
    public void Html_encodes_the_words_and_the_values_but_not_markup()
    {
        var text = new Text("<{a}> & {b}", "x", "x").With("a", "<script>").With("b", new Text.Markup("<strong>R&amp;D</strong>"));

        text.InHtml(Language.English).ShouldBe("&lt;&lt;script&gt;&gt; &amp; <strong>R&amp;D</strong>");
    }

    [Theory]
    [InlineData(1, "a", "а")]
    [InlineData(2, "a and b", "а і б")]
    [InlineData(3, "a, b and c", "а, б і в")]
    public void A_list_is_joined_with_the_languages_and(int count, string en, string uk)
    {
        var items = new[] { new Text("a", "а", "а"), new Text("b", "б", "б"), new Text("c", "в", "в") };

        var list = Text.List(items[..count]);

        list.In(Language.English).ShouldBe(en);
        list.In(Language.Ukrainian).ShouldBe(uk);
    }

    [Theory]
    [InlineData("en", Language.English)]
    [InlineData("uk", Language.Ukrainian)]
    [InlineData("uk-UA", Language.Ukrainian)]
    [InlineData("UK", Language.Ukrainian)]
    [InlineData("ru", Language.Russian)]
    [InlineData("ru-RU", Language.Russian)]
    [InlineData("ru_UA", Language.Russian)]
    [InlineData(" ru ", Language.Russian)]
    [InlineData("de", Language.English)]
    [InlineData("ukr", Language.English)]
    [InlineData("", Language.English)]
    [InlineData(null, Language.English)]
    public void A_stored_locale_names_its_language_by_the_primary_subtag_and_anything_else_is_English(string? tag, Language expected) =>
        Languages.FromTag(tag).ShouldBe(expected);
}

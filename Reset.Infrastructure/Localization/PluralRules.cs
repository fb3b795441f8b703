namespace Reset.Infrastructure.Localization;

/// <summary>The CLDR plural categories a whole number can take in the service's languages.</summary>
public enum PluralCategory
{
    One,
    Few,
    Many,
    Other,
}

/// <summary>
/// CLDR cardinal plural rules for whole numbers
/// (https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html).
/// English: one (1), other. Ukrainian and Russian: one (1, 21, 101, not 11), few (2–4, 22–24, not
/// 12–14), many (0, 5–20, 25–30, 111, …); their "other" is for fractions, which no text here counts.
/// </summary>
public static class PluralRules
{
    private static readonly PluralCategory[] EnglishCategories = [PluralCategory.One, PluralCategory.Other];
    private static readonly PluralCategory[] EastSlavicCategories = [PluralCategory.One, PluralCategory.Few, PluralCategory.Many];

    /// <summary>The categories whole numbers take in a language, in the order a <see cref="Plural"/> lists its forms.</summary>
    public static IReadOnlyList<PluralCategory> CategoriesOf(Language language) =>
        language == Language.English ? EnglishCategories : EastSlavicCategories;

    public static PluralCategory CategoryOf(Language language, long count)
    {
        // By remainders only: no Math.Abs, which long.MinValue would overflow.
        var lastTwo = Math.Abs(count % 100);
        var last = lastTwo % 10;
        if (language == Language.English)
        {
            return count is 1 or -1 ? PluralCategory.One : PluralCategory.Other;
        }

        if (last == 1 && lastTwo != 11)
        {
            return PluralCategory.One;
        }

        return last is >= 2 and <= 4 && lastTwo is not (>= 12 and <= 14) ? PluralCategory.Few : PluralCategory.Many;
    }
}

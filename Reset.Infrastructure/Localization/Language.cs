using System.Globalization;
using Reset.Domain.Accounts;

namespace Reset.Infrastructure.Localization;

/// <summary>The languages the service writes in. Anything else is answered in English.</summary>
public enum Language
{
    English,
    Ukrainian,
    Russian,
}

public static class Languages
{
    public static IReadOnlyList<Language> All { get; } = [Language.English, Language.Ukrainian, Language.Russian];

    /// <summary>The language's BCP 47 tag, as Content-Language and a customer's stored locale name it.</summary>
    public static string Tag(this Language language) => language switch
    {
        Language.Ukrainian => Locales.Ukrainian,
        Language.Russian => Locales.Russian,
        _ => Locales.English,
    };

    /// <summary>
    /// The language a tag names by its primary subtag ("uk", "uk-UA", "RU_ru"); English for anything
    /// else, a missing tag included. The internal API stores only <see cref="Locales.Supported"/>, but
    /// rows a shop wrote with its own SQL may hold any text.
    /// </summary>
    public static Language FromTag(string? tag)
    {
        var primary = tag?.Trim().Split('-', '_')[0];
        return primary?.ToLowerInvariant() switch
        {
            Locales.Ukrainian => Language.Ukrainian,
            Locales.Russian => Language.Russian,
            _ => Language.English,
        };
    }

    /// <summary>
    /// The language of the request being served: the UI culture that request localization chose from
    /// its Accept-Language header (English when the header names none of ours).
    /// </summary>
    public static Language Current => FromTag(CultureInfo.CurrentUICulture.Name);
}

namespace Reset.Infrastructure.Localization;

/// <summary>
/// Words about a count, with a form for each plural category of each language
/// (<see cref="PluralRules.CategoriesOf"/>, in that order): English one and other, Ukrainian and
/// Russian one, few and many. Each form writes the count as <c>{n}</c>.
/// </summary>
public sealed class Plural
{
    private readonly IReadOnlyDictionary<Language, string[]> _forms;

    public Plural(string[] en, string[] uk, string[] ru)
    {
        _forms = new Dictionary<Language, string[]>
        {
            [Language.English] = en,
            [Language.Ukrainian] = uk,
            [Language.Russian] = ru,
        };
        foreach (var (language, forms) in _forms)
        {
            if (forms.Length != PluralRules.CategoriesOf(language).Count)
            {
                throw new ArgumentException($"{language} needs {PluralRules.CategoriesOf(language).Count} forms, one per plural category: \"{en[0]}\".");
            }
        }
    }

    public IReadOnlyList<string> Forms(Language language) => _forms[language];

    /// <summary>The words for this count, each language in its own form: 21 is "21 minutes", "21 хвилину", "21 минуту".</summary>
    public Text Of(long count) =>
        new Text(Form(Language.English, count), Form(Language.Ukrainian, count), Form(Language.Russian, count)).With("n", count);

    private string Form(Language language, long count)
    {
        var categories = PluralRules.CategoriesOf(language);
        var index = 0;
        while (categories[index] != PluralRules.CategoryOf(language, count))
        {
            index++;
        }

        return _forms[language][index];
    }
}

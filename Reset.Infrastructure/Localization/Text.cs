using System.Globalization;
using System.Text;

namespace Reset.Infrastructure.Localization;

/// <summary>
/// Words for a customer, in each of the service's languages. Templates name their blanks in braces
/// (<c>{wait}</c>); <see cref="With"/> fills one, with a plain value or with more words, which are
/// then written in the same language.
/// </summary>
public sealed class Text
{
    private readonly string _english;
    private readonly string _ukrainian;
    private readonly string _russian;
    private readonly (string Name, object Value)[] _values;

    public Text(string en, string uk, string ru)
        : this(en, uk, ru, [])
    {
    }

    private Text(string en, string uk, string ru, (string Name, object Value)[] values)
    {
        _english = en;
        _ukrainian = uk;
        _russian = ru;
        _values = values;
    }

    /// <summary>The same words with one blank filled: a string or number as it is, a <see cref="Text"/> in the language asked for.</summary>
    public Text With(string name, object value) => new(_english, _ukrainian, _russian, [.. _values, (name, value)]);

    /// <summary>The template as written, blanks and all.</summary>
    public string Template(Language language) => language switch
    {
        Language.Ukrainian => _ukrainian,
        Language.Russian => _russian,
        _ => _english,
    };

    /// <summary>The names of the blanks a template leaves, in order.</summary>
    public static IReadOnlyList<string> BlanksOf(string template)
    {
        var blanks = new List<string>();
        foreach (var (start, length) in Blanks(template))
        {
            blanks.Add(template.Substring(start + 1, length - 2));
        }

        return blanks;
    }

    public string In(Language language) => Write(language, static text => text);

    /// <summary>For an HTML part: the words are encoded, and so is every value except a <see cref="Markup"/>.</summary>
    public string InHtml(Language language) => Write(language, System.Net.WebUtility.HtmlEncode);

    /// <summary>Words joined as a list: "a, b and c" in English, "a, b і c" in Ukrainian, "a, b и c" in Russian.</summary>
    public static Text List(IReadOnlyList<Text> items)
    {
        ArgumentOutOfRangeException.ThrowIfZero(items.Count);
        var list = items[^1];
        if (items.Count > 1)
        {
            var head = items.Take(items.Count - 1).Aggregate((first, next) => Comma.With("first", first).With("next", next));
            list = And.With("first", head).With("last", items[^1]);
        }

        return list;
    }

    /// <summary>Words that go into an HTML part as they are: markup the template's caller built and encoded itself.</summary>
    public sealed record Markup(string Html);

    private static readonly Text Comma = new("{first}, {next}", "{first}, {next}", "{first}, {next}");

    private static readonly Text And = new("{first} and {last}", "{first} і {last}", "{first} и {last}");

    private string Write(Language language, Func<string, string> encode)
    {
        var template = Template(language);
        var written = new StringBuilder(template.Length + 32);
        var at = 0;
        foreach (var (start, length) in Blanks(template))
        {
            written.Append(encode(template[at..start]));
            var name = template.Substring(start + 1, length - 2);
            written.Append(Fill(name, language, encode));
            at = start + length;
        }

        written.Append(encode(template[at..]));
        return written.ToString();
    }

    private string Fill(string name, Language language, Func<string, string> encode)
    {
        // The last value given for a name wins, so a caller can override a default one.
        for (var i = _values.Length - 1; i >= 0; i--)
        {
            if (_values[i].Name == name)
            {
                return _values[i].Value switch
                {
                    Text text => text.Write(language, encode),
                    Markup markup => markup.Html,
                    IFormattable number => encode(number.ToString(null, CultureInfo.InvariantCulture)),
                    var other => encode(other.ToString() ?? string.Empty),
                };
            }
        }

        throw new InvalidOperationException($"No value for {{{name}}} in \"{_english}\".");
    }

    /// <summary>Where each <c>{name}</c> (letters only) stands; other braces are plain text.</summary>
    private static IEnumerable<(int Start, int Length)> Blanks(string template)
    {
        for (var open = template.IndexOf('{'); open >= 0; open = template.IndexOf('{', open + 1))
        {
            var close = open + 1;
            while (close < template.Length && char.IsAsciiLetter(template[close]))
            {
                close++;
            }

            if (close < template.Length && template[close] == '}' && close > open + 1)
            {
                yield return (open, close - open + 1);
            }
        }
    }
}

using System.Reflection;
using Reset.Api.Localization;
using Reset.Api.Problems;
using Reset.Domain.Passwords;
using Reset.Infrastructure.Localization;

namespace Reset.Tests.Localization;

/// <summary>
/// Every text the service can say, found by reflection over its assemblies: written in all three
/// languages, with the same blanks in each, and each translation in its own language.
/// </summary>
public sealed class CatalogTests
{
    private const string RussianOnlyLetters = "ыэъё";
    private const string UkrainianOnlyLetters = "іїєґ";

    [Fact]
    public void The_catalog_is_found()
    {
        // So that a broken search cannot make the tests below pass over nothing.
        Texts().Count().ShouldBeGreaterThan(100);
        Plurals().Count().ShouldBeGreaterThan(5);
    }

    [Fact]
    public void Every_text_has_the_same_blanks_in_every_language()
    {
        var mismatches = Texts()
            .Where(t => !SameBlanks(t.Text.Template(Language.English), t.Text.Template(Language.Ukrainian))
                || !SameBlanks(t.Text.Template(Language.English), t.Text.Template(Language.Russian)))
            .Select(t => t.Name)
            .ToList();

        mismatches.ShouldBeEmpty();
    }

    [Fact]
    public void Every_plural_form_writes_its_count_and_has_the_same_other_blanks_in_every_language()
    {
        foreach (var (name, plural) in Plurals())
        {
            var english = Text.BlanksOf(plural.Forms(Language.English)[0]).Order().ToList();
            english.ShouldContain("n", name);
            foreach (var language in Languages.All)
            {
                foreach (var form in plural.Forms(language))
                {
                    Text.BlanksOf(form).Order().ToList().ShouldBe(english, customMessage: $"{name}: {form}");
                }
            }
        }
    }

    [Fact]
    public void Every_translation_is_written_and_in_its_own_alphabet()
    {
        var problems = new List<string>();
        foreach (var (name, english, ukrainian, russian) in AllTemplates())
        {
            if (string.IsNullOrWhiteSpace(english) || string.IsNullOrWhiteSpace(ukrainian) || string.IsNullOrWhiteSpace(russian))
            {
                problems.Add(name + ": empty");
            }

            // A text with words in it (not only blanks and punctuation) is translated, not copied.
            if (Words(english).Any(char.IsAsciiLetter) && (!Words(ukrainian).Any(IsCyrillic) || !Words(russian).Any(IsCyrillic)))
            {
                problems.Add(name + ": not translated");
            }

            if (ukrainian.Any(RussianOnlyLetters.Contains) || russian.Any(UkrainianOnlyLetters.Contains))
            {
                problems.Add(name + ": Ukrainian and Russian mixed up");
            }
        }

        problems.ShouldBeEmpty();
    }

    /// <summary>The internal API answers services, in its own English words (README, "Languages").</summary>
    private static readonly string[] InternalCodes =
    [
        ProblemCodes.ApiKeyMissing, ProblemCodes.ApiKeyInvalid, ProblemCodes.ScopeMissing, ProblemCodes.UserNotFound,
        ProblemCodes.EmailTaken, ProblemCodes.MemberIdTaken, ProblemCodes.AccountState, ProblemCodes.ConcurrentChange,
        ProblemCodes.SupportRequestNotFound, ProblemCodes.SupportRequestResolved,
    ];

    [Fact]
    public void Every_problem_code_of_the_public_api_has_a_title()
    {
        var codes = typeof(ProblemCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Except(InternalCodes);

        codes.Where(code => !ProblemTexts.Titles.ContainsKey(code)).ShouldBeEmpty();
    }

    [Fact]
    public void Every_password_violation_code_has_a_message()
    {
        var codes = typeof(PasswordViolationCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!);

        codes.Where(code => !PasswordTexts.Violations.ContainsKey(code)).ShouldBeEmpty();
    }

    private static bool SameBlanks(string a, string b) => Text.BlanksOf(a).Order().SequenceEqual(Text.BlanksOf(b).Order());

    private static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    /// <summary>The template without its blanks: "{shop}" is a name, not an English word.</summary>
    private static string Words(string template) =>
        Text.BlanksOf(template).Aggregate(template, (text, blank) => text.Replace("{" + blank + "}", string.Empty, StringComparison.Ordinal));

    private static IEnumerable<(string Name, string En, string Uk, string Ru)> AllTemplates()
    {
        foreach (var (name, text) in Texts())
        {
            yield return (name, text.Template(Language.English), text.Template(Language.Ukrainian), text.Template(Language.Russian));
        }

        foreach (var (name, plural) in Plurals())
        {
            // Forms per language differ in number; each language's forms are checked against the first English one.
            var english = plural.Forms(Language.English)[0];
            foreach (var form in plural.Forms(Language.Ukrainian).Zip(plural.Forms(Language.Russian)))
            {
                yield return (name, english, form.First, form.Second);
            }
        }
    }

    private static IEnumerable<FieldInfo> StaticFields() =>
        new[] { typeof(Text).Assembly, typeof(ProblemTexts).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => !type.ContainsGenericParameters)
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static));

    private static IEnumerable<(string Name, Text Text)> Texts()
    {
        foreach (var field in StaticFields())
        {
            var name = field.DeclaringType!.Name + "." + field.Name;
            switch (field.GetValue(null))
            {
                case Text text:
                    yield return (name, text);
                    break;
                case Text[] texts:
                    foreach (var (text, i) in texts.Select((t, i) => (t, i)))
                    {
                        yield return ($"{name}[{i}]", text);
                    }

                    break;
                case IReadOnlyDictionary<string, Text> byKey:
                    foreach (var (key, text) in byKey)
                    {
                        yield return ($"{name}[{key}]", text);
                    }

                    break;
            }
        }
    }

    private static IEnumerable<(string Name, Plural Plural)> Plurals() =>
        StaticFields()
            .Where(field => field.FieldType == typeof(Plural))
            .Select(field => (field.DeclaringType!.Name + "." + field.Name, (Plural)field.GetValue(null)!));
}

using NJsonSchema.Annotations;
using Reset.Api.Localization;
using Reset.Domain.Passwords;
using Reset.Infrastructure.Localization;

namespace Reset.Api.Features.PasswordPolicy.Get;

/// <summary>The password rules in force, for hints beside a password field.</summary>
/// <param name="MinLength">Fewest characters, counted as Unicode code points after NFKC normalisation (an emoji counts once).</param>
/// <param name="MaxLength">Most characters, counted the same way. Longer passwords are refused, never cut.</param>
/// <param name="MinScore">Lowest acceptable strength score on zxcvbn's scale, 0 (guessable) to 4 (very hard to guess).</param>
/// <param name="RequireDigit">A digit is required. Off unless the shop turns it on.</param>
/// <param name="RequireUppercase">A capital letter is required. Off unless the shop turns it on.</param>
/// <param name="RequireLowercase">A lower-case letter is required. Off unless the shop turns it on.</param>
/// <param name="RejectsCommonPasswords">Passwords on the list of common and leaked passwords are refused.</param>
/// <param name="Advice">One paragraph for the customer, matching these rules, in the answer's language (Accept-Language).</param>
[JsonSchema("PasswordPolicy")]
public sealed record Response(
    int MinLength,
    int MaxLength,
    int MinScore,
    bool RequireDigit,
    bool RequireUppercase,
    bool RequireLowercase,
    bool RejectsCommonPasswords,
    string Advice)
{
    public static Response From(PasswordPolicySettings settings, Language language) => new(
        settings.MinLength,
        settings.MaxLength,
        settings.MinScore,
        settings.RequireDigit,
        settings.RequireUppercase,
        settings.RequireLowercase,
        settings.CheckBlocklist,
        AdviceFor(settings, language));

    private static string AdviceFor(PasswordPolicySettings settings, Language language)
    {
        var kinds = new List<Text>();
        if (settings.RequireDigit)
        {
            kinds.Add(PasswordTexts.ADigit);
        }

        if (settings.RequireUppercase)
        {
            kinds.Add(PasswordTexts.ACapitalLetter);
        }

        if (settings.RequireLowercase)
        {
            kinds.Add(PasswordTexts.ALowercaseLetter);
        }

        var sentences = new List<Text>
        {
            PasswordTexts.LengthRange.Of(settings.MaxLength).With("min", settings.MinLength),
            PasswordTexts.FewWords,
        };
        if (kinds.Count > 0)
        {
            sentences.Add(PasswordTexts.Include.With("kinds", Text.List(kinds)));
        }

        sentences.Add(PasswordTexts.DontUse.With("shop", settings.ShopName));
        return string.Join(' ', sentences.Select(sentence => sentence.In(language)));
    }
}

using NJsonSchema.Annotations;
using Reset.Domain.Passwords;

namespace Reset.Api.Features.PasswordPolicy.Get;

/// <summary>The password rules in force, for hints beside a password field.</summary>
/// <param name="MinLength">Fewest characters, counted as Unicode code points after NFKC normalisation (an emoji counts once).</param>
/// <param name="MaxLength">Most characters, counted the same way. Longer passwords are refused, never cut.</param>
/// <param name="MinScore">Lowest acceptable strength score on zxcvbn's scale, 0 (guessable) to 4 (very hard to guess).</param>
/// <param name="RequireDigit">A digit is required. Off unless the shop turns it on.</param>
/// <param name="RequireUppercase">A capital letter is required. Off unless the shop turns it on.</param>
/// <param name="RequireLowercase">A lower-case letter is required. Off unless the shop turns it on.</param>
/// <param name="RejectsCommonPasswords">Passwords on the list of common and leaked passwords are refused.</param>
/// <param name="Advice">One paragraph for the customer, in English, matching these rules.</param>
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
    public static Response From(PasswordPolicySettings settings) => new(
        settings.MinLength,
        settings.MaxLength,
        settings.MinScore,
        settings.RequireDigit,
        settings.RequireUppercase,
        settings.RequireLowercase,
        settings.CheckBlocklist,
        AdviceFor(settings));

    private static string AdviceFor(PasswordPolicySettings settings)
    {
        var kinds = new List<string>();
        if (settings.RequireDigit)
        {
            kinds.Add("a digit");
        }

        if (settings.RequireUppercase)
        {
            kinds.Add("a capital letter");
        }

        if (settings.RequireLowercase)
        {
            kinds.Add("a lower-case letter");
        }

        var include = kinds.Count == 0 ? string.Empty : $" Include at least {string.Join(", ", kinds[..^1])}{(kinds.Count > 1 ? " and " : string.Empty)}{kinds[^1]}.";
        return $"Use {settings.MinLength} to {settings.MaxLength} characters; spaces and any other characters are welcome. "
            + "A few words that don't belong together make a password that is easy to remember and hard to guess."
            + include
            + $" Don't use a common password, your login, your e-mail address or the shop's name ({settings.ShopName}).";
    }
}

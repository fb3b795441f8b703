using Reset.Domain.Passwords;
using Reset.Infrastructure.Localization;

namespace Reset.Api.Localization;

/// <summary>
/// What the API tells a customer about the password rules: each violation, by its code (the domain
/// names the rule; these are its words in each language), and the policy's advice paragraph.
/// </summary>
internal static class PasswordTexts
{
    public static readonly Plural AtLeastCharacters = new(
        en: ["at least {n} character", "at least {n} characters"],
        uk: ["щонайменше {n} символ", "щонайменше {n} символи", "щонайменше {n} символів"],
        ru: ["не менее {n} символа", "не менее {n} символов", "не менее {n} символов"]);

    public static readonly IReadOnlyDictionary<string, Text> Violations = new Dictionary<string, Text>
    {
        [PasswordViolationCodes.TooShort] = new(
            en: "Use {length}. A few words that don't belong together make a long password that is easy to remember.",
            uk: "Використайте {length}. Кілька слів, не пов’язаних між собою, утворюють довгий пароль, який легко запам’ятати.",
            ru: "Используйте {length}. Несколько не связанных между собой слов дают длинный пароль, который легко запомнить."),
        [PasswordViolationCodes.TooLong] = new(
            en: "Use {length}.",
            uk: "Використайте {length}.",
            ru: "Используйте {length}."),
        [PasswordViolationCodes.CommonPassword] = new(
            en: "This password is on a list of common and leaked passwords that attackers try first. Choose another.",
            uk: "Цей пароль є в списку поширених і викрадених паролів, які зловмисники перебирають першими. Виберіть інший.",
            ru: "Этот пароль есть в списке распространённых и утёкших паролей, которые злоумышленники пробуют первыми. Выберите другой."),
        [PasswordViolationCodes.ContainsLogin] = new(
            en: "Don't use your login (your e-mail address or member ID) in your password.",
            uk: "Не використовуйте в паролі свій логін (електронну адресу або ID користувача).",
            ru: "Не используйте в пароле свой логин (адрес электронной почты или ID пользователя)."),
        [PasswordViolationCodes.ContainsEmailLocalPart] = new(
            en: "Don't use your e-mail address, or the part of it before the @, in your password.",
            uk: "Не використовуйте в паролі свою електронну адресу чи її частину до @.",
            ru: "Не используйте в пароле свой адрес электронной почты или его часть до @."),
        [PasswordViolationCodes.ContainsShopName] = new(
            en: "Don't use the shop's name ({shop}) in your password.",
            uk: "Не використовуйте в паролі назву магазину ({shop}).",
            ru: "Не используйте в пароле название магазина ({shop})."),
        [PasswordViolationCodes.TooWeak] = new(
            en: "This password would be easy to guess. Make it longer, for example with another word or two that don't belong together.",
            uk: "Такий пароль легко вгадати. Зробіть його довшим, наприклад додайте одне-два слова, не пов’язані з рештою.",
            ru: "Такой пароль легко угадать. Сделайте его длиннее, например добавьте одно-два слова, не связанных с остальными."),
        [PasswordViolationCodes.NeedsDigit] = new(
            en: "Add at least one digit.",
            uk: "Додайте хоча б одну цифру.",
            ru: "Добавьте хотя бы одну цифру."),
        [PasswordViolationCodes.NeedsUppercase] = new(
            en: "Add at least one capital letter.",
            uk: "Додайте хоча б одну велику літеру.",
            ru: "Добавьте хотя бы одну заглавную букву."),
        [PasswordViolationCodes.NeedsLowercase] = new(
            en: "Add at least one lower-case letter.",
            uk: "Додайте хоча б одну малу літеру.",
            ru: "Добавьте хотя бы одну строчную букву."),
    };

    /// <summary>A violation's message in a language; the domain's own words for a code without a translation.</summary>
    public static string MessageFor(PasswordViolation violation, PasswordPolicySettings settings, Language language)
    {
        if (!Violations.TryGetValue(violation.Code, out var text))
        {
            return violation.Message;
        }

        var length = violation.Code == PasswordViolationCodes.TooShort
            ? AtLeastCharacters.Of(settings.MinLength)
            : FieldTexts.AtMostCharacters.Of(settings.MaxLength);
        return text.With("length", length).With("shop", settings.ShopName).In(language);
    }

    // The advice paragraph of GET /password-policy.

    public static readonly Plural LengthRange = new(
        en: ["Use {min} to {n} character; spaces and any other characters are welcome.", "Use {min} to {n} characters; spaces and any other characters are welcome."],
        uk: ["Використайте від {min} до {n} символу; можна вживати пробіли та будь-які інші знаки.", "Використайте від {min} до {n} символів; можна вживати пробіли та будь-які інші знаки.", "Використайте від {min} до {n} символів; можна вживати пробіли та будь-які інші знаки."],
        ru: ["Используйте от {min} до {n} символа; можно использовать пробелы и любые другие знаки.", "Используйте от {min} до {n} символов; можно использовать пробелы и любые другие знаки.", "Используйте от {min} до {n} символов; можно использовать пробелы и любые другие знаки."]);

    public static readonly Text FewWords = new(
        en: "A few words that don't belong together make a password that is easy to remember and hard to guess.",
        uk: "Кілька слів, не пов’язаних між собою, утворюють пароль, який легко запам’ятати і важко вгадати.",
        ru: "Несколько не связанных между собой слов дают пароль, который легко запомнить и трудно угадать.");

    public static readonly Text Include = new(
        en: "Include at least {kinds}.",
        uk: "Додайте щонайменше {kinds}.",
        ru: "Добавьте хотя бы {kinds}.");

    public static readonly Text ADigit = new(en: "a digit", uk: "одну цифру", ru: "одну цифру");

    public static readonly Text ACapitalLetter = new(en: "a capital letter", uk: "одну велику літеру", ru: "одну заглавную букву");

    public static readonly Text ALowercaseLetter = new(en: "a lower-case letter", uk: "одну малу літеру", ru: "одну строчную букву");

    public static readonly Text DontUse = new(
        en: "Don't use a common password, your login, your e-mail address or the shop's name ({shop}).",
        uk: "Не використовуйте поширені паролі, свій логін, електронну адресу чи назву магазину ({shop}).",
        ru: "Не используйте распространённые пароли, свой логин, адрес электронной почты или название магазина ({shop}).");
}

using Reset.Infrastructure.Localization;

namespace Reset.Infrastructure.Email.Templates;

/// <summary>The words of the service's e-mails, in each language; <see cref="EmailTemplates"/> lays them out.</summary>
internal static class EmailTexts
{
    public static readonly Text NeedHelp = new(
        en: "Need help? Contact {support}.",
        uk: "Потрібна допомога? Звертайтеся: {support}.",
        ru: "Нужна помощь? Обращайтесь: {support}.");

    // With Email:CodeInSubject the code comes first in the subject: a phone's notification shows it
    // without opening the e-mail. Without it (the default) the subject only names what the e-mail is.
    public static readonly Text CodeSubjectWithoutCode = new(
        en: "Your {shop} password reset code",
        uk: "Ваш код для відновлення пароля в {shop}",
        ru: "Ваш код для восстановления пароля в {shop}");

    public static readonly Text CodeSubject = new(
        en: "{code} is your {shop} password reset code",
        uk: "{code} — ваш код для відновлення пароля в {shop}",
        ru: "{code} — ваш код для восстановления пароля в {shop}");

    public static readonly Text CodeIntro = new(
        en: "Your password reset code is",
        uk: "Ваш код для відновлення пароля:",
        ru: "Ваш код для восстановления пароля:");

    public static readonly Text CodeUse = new(
        en: "Type it on the password reset page within {lifetime}. It works once.",
        uk: "Введіть його на сторінці відновлення пароля. Код діє {lifetime} і лише один раз.",
        ru: "Введите его на странице восстановления пароля. Код действует {lifetime} и только один раз.");

    public static readonly Text CodeNotAsked = new(
        en: "If you did not ask to reset your password, ignore this e-mail: your password has not changed.",
        uk: "Якщо ви не просили відновити пароль, просто проігноруйте цей лист: ваш пароль не змінено.",
        ru: "Если вы не запрашивали восстановление пароля, просто проигнорируйте это письмо: ваш пароль не изменён.");

    public static readonly Text CodeNeverShare = new(
        en: "Never share this code; {shop} staff will never ask for it.",
        uk: "Нікому не повідомляйте цей код: працівники {shop} ніколи його не запитують.",
        ru: "Никому не сообщайте этот код: сотрудники {shop} никогда его не спрашивают.");

    public static readonly Text ChangedSubject = new(
        en: "Your {shop} password was changed",
        uk: "Ваш пароль у {shop} змінено",
        ru: "Ваш пароль в {shop} изменён");

    public static readonly Text ChangedWhen = new(
        en: "The password of your {shop} account was changed on {when}.",
        uk: "Пароль вашого облікового запису в {shop} змінено {when}.",
        ru: "Пароль вашей учётной записи в {shop} изменён {when}.");

    public static readonly Text ChangedByYou = new(
        en: "If that was you, there is nothing more to do.",
        uk: "Якщо це були ви, більше нічого робити не треба.",
        ru: "Если это были вы, больше ничего делать не нужно.");

    public static readonly Text ChangedNotByYou = new(
        en: "If it was not you, contact {support} now",
        uk: "Якщо це були не ви, негайно зверніться до підтримки ({support})",
        ru: "Если это были не вы, немедленно обратитесь в поддержку ({support})");

    public static readonly Text ChangedWhy = new(
        en: "someone may have access to your e-mail.",
        uk: "можливо, хтось має доступ до вашої пошти.",
        ru: "возможно, у кого-то есть доступ к вашей почте.");

    public static readonly Text SupportSubject = new(
        en: "We received your request {reference}",
        uk: "Ми отримали ваше звернення {reference}",
        ru: "Мы получили ваше обращение {reference}");

    public static readonly Text SupportReceived = new(
        en: "We received your request for help with signing in to {shop}. Its reference is {reference}.",
        uk: "Ми отримали ваше звернення щодо входу в {shop}. Його номер — {reference}.",
        ru: "Мы получили ваше обращение за помощью со входом в {shop}. Его номер — {reference}.");

    public static readonly Text SupportNext = new(
        en: "A member of our support team will contact you at this address. Quote the reference in any reply.",
        uk: "Працівник служби підтримки зв’яжеться з вами за цією адресою. Вказуйте номер звернення в кожній відповіді.",
        ru: "Сотрудник службы поддержки свяжется с вами по этому адресу. Указывайте номер обращения в каждом ответе.");

    public static readonly Text SupportNeverAsks = new(
        en: "We will never ask you for a password or a code.",
        uk: "Ми ніколи не попросимо у вас пароль чи код.",
        ru: "Мы никогда не попросим у вас пароль или код.");

    /// <summary>A moment in UTC: "26 November 2026 at 12:20 UTC", "26 листопада 2026 р., 12:20 UTC", "26 ноября 2026 г., 12:20 UTC".</summary>
    public static readonly Text Moment = new(
        en: "{day} {month} {year} at {time} UTC",
        uk: "{day} {month} {year} р., {time} UTC",
        ru: "{day} {month} {year} г., {time} UTC");

    /// <summary>Month names as they follow a day: the genitive in Ukrainian and Russian.</summary>
    public static readonly Text[] Months =
    [
        new("January", "січня", "января"),
        new("February", "лютого", "февраля"),
        new("March", "березня", "марта"),
        new("April", "квітня", "апреля"),
        new("May", "травня", "мая"),
        new("June", "червня", "июня"),
        new("July", "липня", "июля"),
        new("August", "серпня", "августа"),
        new("September", "вересня", "сентября"),
        new("October", "жовтня", "октября"),
        new("November", "листопада", "ноября"),
        new("December", "грудня", "декабря"),
    ];
}

using FluentValidation;
using Reset.Infrastructure.Localization;

namespace Reset.Api.Localization;

/// <summary>What the <c>errors</c> of a validation_failed answer say about each field. Never the value: it may be a password.</summary>
internal static class FieldTexts
{
    /// <summary>"at most 320 characters", for the blank <c>{length}</c>.</summary>
    public static readonly Plural AtMostCharacters = new(
        en: ["at most {n} character", "at most {n} characters"],
        uk: ["не більше {n} символу", "не більше {n} символів", "не більше {n} символів"],
        ru: ["не более {n} символа", "не более {n} символов", "не более {n} символов"]);

    public static readonly Text PasswordToEvaluate = new(
        en: "Send the password to evaluate.",
        uk: "Надішліть пароль для перевірки.",
        ru: "Отправьте пароль для проверки.");

    public static readonly Text PasswordMaxLength = new(
        en: "The password must be {length}.",
        uk: "Пароль має містити {length}.",
        ru: "Пароль должен содержать {length}.");

    public static readonly Text LoginMaxLength = new(
        en: "The login must be {length}.",
        uk: "Логін має містити {length}.",
        ru: "Логин должен содержать {length}.");

    public static readonly Text Login = new(
        en: "Type your e-mail address or member ID.",
        uk: "Введіть свою електронну адресу або ID користувача.",
        ru: "Введите свой адрес электронной почты или ID пользователя.");

    public static readonly Text LoginLength = new(
        en: "A login has {length}.",
        uk: "Логін може містити {length}.",
        ru: "Логин может содержать {length}.");

    public static readonly Text LoginShape = new(
        en: "This is neither an e-mail address nor a member ID.",
        uk: "Це не схоже ні на електронну адресу, ні на ID користувача.",
        ru: "Это не похоже ни на адрес электронной почты, ни на ID пользователя.");

    public static readonly Text HumanCheckTokenLength = new(
        en: "A human-check token has {length}.",
        uk: "Токен перевірки може містити {length}.",
        ru: "Токен проверки может содержать {length}.");

    public static readonly Text Method = new(
        en: "Say how to send the code: \"email\".",
        uk: "Вкажіть, як надіслати код: \"email\".",
        ru: "Укажите, как отправить код: \"email\".");

    public static readonly Text MethodIsEmail = new(
        en: "Codes go by e-mail: send \"email\". For help without e-mail, open a support request.",
        uk: "Коди надсилаються електронною поштою: вкажіть \"email\". Якщо пошта недоступна, створіть звернення до служби підтримки.",
        ru: "Коды отправляются по электронной почте: укажите \"email\". Если почта недоступна, создайте обращение в службу поддержки.");

    public static readonly Text Code = new(
        en: "Type the six-digit code from the e-mail.",
        uk: "Введіть шестизначний код із листа.",
        ru: "Введите шестизначный код из письма.");

    public static readonly Text CodeShape = new(
        en: "A code is exactly six digits.",
        uk: "Код складається рівно з шести цифр.",
        ru: "Код состоит ровно из шести цифр.");

    public static readonly Text ResetToken = new(
        en: "Send the reset token from the code verification.",
        uk: "Надішліть токен, отриманий після підтвердження коду.",
        ru: "Отправьте токен, полученный после подтверждения кода.");

    public static readonly Text ResetTokenLength = new(
        en: "A reset token has 43 characters.",
        uk: "Токен має 43 символи.",
        ru: "Токен состоит из 43 символов.");

    public static readonly Text NewPassword = new(
        en: "Type the new password.",
        uk: "Введіть новий пароль.",
        ru: "Введите новый пароль.");

    public static readonly Text ConfirmPassword = new(
        en: "Type the new password a second time.",
        uk: "Введіть новий пароль ще раз.",
        ru: "Введите новый пароль ещё раз.");

    public static readonly Text PasswordFieldLength = new(
        en: "A password field holds {length}.",
        uk: "Поле пароля вміщує {length}.",
        ru: "Поле пароля вмещает {length}.");

    public static readonly Text ContactEmail = new(
        en: "Give an e-mail address where support can reach you.",
        uk: "Вкажіть електронну адресу, за якою служба підтримки зможе з вами зв’язатися.",
        ru: "Укажите адрес электронной почты, по которому служба поддержки сможет с вами связаться.");

    public static readonly Text ContactEmailShape = new(
        en: "This is not an e-mail address.",
        uk: "Це не електронна адреса.",
        ru: "Это не адрес электронной почты.");

    public static readonly Text Message = new(
        en: "Tell support what happened.",
        uk: "Розкажіть службі підтримки, що сталося.",
        ru: "Расскажите службе поддержки, что случилось.");

    public static readonly Text MessageLength = new(
        en: "A message has {length}.",
        uk: "Повідомлення може містити {length}.",
        ru: "Сообщение может содержать {length}.");

    /// <summary>"…has at most 320 characters": a length rule's message with its limit filled in.</summary>
    public static Text WithMaxLength(this Text text, int maxLength) => text.With("length", AtMostCharacters.Of(maxLength));

    /// <summary>
    /// The message in the language of the request being validated. Validators are singletons, so the
    /// words are chosen when a rule fails, not when the validator is built.
    /// </summary>
    public static IRuleBuilderOptions<T, TProperty> WithMessage<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, Text text) =>
        rule.WithMessage(_ => text.In(Languages.Current));
}

using System.Globalization;
using System.Net;
using Reset.Infrastructure.Configuration;
using Reset.Infrastructure.Localization;

namespace Reset.Infrastructure.Email.Templates;

/// <summary>
/// The service's e-mails, in the language asked for (the words are in <see cref="EmailTexts"/>). No
/// link in them is built from a request (a forged Host header must not put an attacker's address
/// into a customer's mailbox), and only the code e-mail holds a secret.
/// </summary>
public static class EmailTemplates
{
    /// <param name="codeInSubject">Email:CodeInSubject: whether the subject shows the code too.</param>
    public static EmailContent ResetCode(string code, TimeSpan lifetime, ShopOptions shop, Language language, bool codeInSubject = false)
    {
        var lifetimeText = Units.Minutes.Of((int)Math.Round(lifetime.TotalMinutes));
        var use = EmailTexts.CodeUse.With("lifetime", lifetimeText);
        var neverShare = EmailTexts.CodeNeverShare.With("shop", shop.Name);
        var subject = codeInSubject
            ? EmailTexts.CodeSubject.With("code", code).With("shop", shop.Name).In(language)
            : EmailTexts.CodeSubjectWithoutCode.With("shop", shop.Name).In(language);
        var text =
            $"""
            {EmailTexts.CodeIntro.In(language)} {code}

            {use.In(language)}

            {EmailTexts.CodeNotAsked.In(language)}
            {neverShare.In(language)}

            {NeedHelp(shop).In(language)}
            """;
        var html = Page(shop, language, $"""
            <p>{EmailTexts.CodeIntro.InHtml(language)}</p>
            <p style="font-size:28px;font-weight:bold;letter-spacing:6px;font-family:monospace">{Encode(code)}</p>
            <p>{use.InHtml(language)}</p>
            <p>{EmailTexts.CodeNotAsked.InHtml(language)}
            {neverShare.InHtml(language)}</p>
            """);
        return new EmailContent(subject, text, html);
    }

    public static EmailContent PasswordChanged(DateTimeOffset changedAt, ShopOptions shop, Language language)
    {
        var when = Moment(changedAt);
        var changed = EmailTexts.ChangedWhen.With("shop", shop.Name).With("when", when);
        var notByYou = EmailTexts.ChangedNotByYou.With("support", shop.SupportContact);
        var subject = EmailTexts.ChangedSubject.With("shop", shop.Name).In(language);
        var text =
            $"""
            {changed.In(language)}

            {EmailTexts.ChangedByYou.In(language)}
            {notByYou.In(language)}: {EmailTexts.ChangedWhy.In(language)}
            """;
        var html = Page(shop, language, $"""
            <p>{changed.InHtml(language)}</p>
            <p>{EmailTexts.ChangedByYou.InHtml(language)}</p>
            <p><strong>{notByYou.InHtml(language)}</strong>: {EmailTexts.ChangedWhy.InHtml(language)}</p>
            """);
        return new EmailContent(subject, text, html);
    }

    public static EmailContent SupportRequestReceived(string reference, ShopOptions shop, Language language)
    {
        var received = EmailTexts.SupportReceived.With("shop", shop.Name);
        var subject = EmailTexts.SupportSubject.With("reference", reference).In(language);
        var text =
            $"""
            {received.With("reference", reference).In(language)}

            {EmailTexts.SupportNext.In(language)}
            {EmailTexts.SupportNeverAsks.In(language)}
            """;
        var html = Page(shop, language, $"""
            <p>{received.With("reference", new Text.Markup($"<strong>{Encode(reference)}</strong>")).InHtml(language)}</p>
            <p>{EmailTexts.SupportNext.InHtml(language)}
            {EmailTexts.SupportNeverAsks.InHtml(language)}</p>
            """);
        return new EmailContent(subject, text, html);
    }

    private static string Page(ShopOptions shop, Language language, string body) =>
        $"""
        <!DOCTYPE html>
        <html lang="{language.Tag()}"><head><meta charset="utf-8"><title>{Encode(shop.Name)}</title></head>
        <body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;color:#222">
        {body}
        <p style="color:#666;font-size:13px">{NeedHelp(shop).InHtml(language)}</p>
        </body></html>
        """;

    private static Text NeedHelp(ShopOptions shop) => EmailTexts.NeedHelp.With("support", shop.SupportContact);

    /// <summary>Spelled out by hand, not by a culture's date format: the same words on every host, ICU data or not.</summary>
    private static Text Moment(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return EmailTexts.Moment
            .With("day", utc.Day)
            .With("month", EmailTexts.Months[utc.Month - 1])
            .With("year", utc.Year)
            .With("time", utc.ToString("HH:mm", CultureInfo.InvariantCulture));
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

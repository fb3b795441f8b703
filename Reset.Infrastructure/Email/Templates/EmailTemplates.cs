using System.Globalization;
using System.Net;
using Reset.Infrastructure.Configuration;

namespace Reset.Infrastructure.Email.Templates;

/// <summary>
/// The service's e-mails, in English. No link in them is built from a request (a forged Host
/// header must not put an attacker's address into a customer's mailbox), and only the code
/// e-mail holds a secret.
/// </summary>
public static class EmailTemplates
{
    public static EmailContent ResetCode(string code, TimeSpan lifetime, ShopOptions shop)
    {
        var minutes = Minutes(lifetime);
        var subject = $"{code} is your {shop.Name} password reset code";
        var text =
            $"""
            Your password reset code is {code}

            Type it on the password reset page within {minutes}. It works once.

            If you did not ask to reset your password, ignore this e-mail: your password has not changed.
            Never share this code; {shop.Name} staff will never ask for it.

            Need help? Contact {shop.SupportContact}.
            """;
        var html = Page(shop, $"""
            <p>Your password reset code is</p>
            <p style="font-size:28px;font-weight:bold;letter-spacing:6px;font-family:monospace">{Encode(code)}</p>
            <p>Type it on the password reset page within {Encode(minutes)}. It works once.</p>
            <p>If you did not ask to reset your password, ignore this e-mail: your password has not changed.
            Never share this code; {Encode(shop.Name)} staff will never ask for it.</p>
            """);
        return new EmailContent(subject, text, html);
    }

    public static EmailContent PasswordChanged(DateTimeOffset changedAt, ShopOptions shop)
    {
        var when = changedAt.UtcDateTime.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var subject = $"Your {shop.Name} password was changed";
        var text =
            $"""
            The password of your {shop.Name} account was changed on {when}.

            If that was you, there is nothing more to do.
            If it was not you, contact {shop.SupportContact} now: someone may have access to your e-mail.
            """;
        var html = Page(shop, $"""
            <p>The password of your {Encode(shop.Name)} account was changed on {Encode(when)}.</p>
            <p>If that was you, there is nothing more to do.</p>
            <p><strong>If it was not you, contact {Encode(shop.SupportContact)} now</strong>: someone may have access to your e-mail.</p>
            """);
        return new EmailContent(subject, text, html);
    }

    public static EmailContent SupportRequestReceived(string reference, ShopOptions shop)
    {
        var subject = $"We received your request {reference}";
        var text =
            $"""
            We received your request for help with signing in to {shop.Name}. Its reference is {reference}.

            A member of our support team will contact you at this address. Quote the reference in any reply.
            We will never ask you for a password or a code.
            """;
        var html = Page(shop, $"""
            <p>We received your request for help with signing in to {Encode(shop.Name)}. Its reference is <strong>{Encode(reference)}</strong>.</p>
            <p>A member of our support team will contact you at this address. Quote the reference in any reply.
            We will never ask you for a password or a code.</p>
            """);
        return new EmailContent(subject, text, html);
    }

    private static string Page(ShopOptions shop, string body) =>
        $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{Encode(shop.Name)}</title></head>
        <body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;color:#222">
        {body}
        <p style="color:#666;font-size:13px">Need help? Contact {Encode(shop.SupportContact)}.</p>
        </body></html>
        """;

    private static string Minutes(TimeSpan lifetime)
    {
        var minutes = (int)Math.Round(lifetime.TotalMinutes);
        return minutes == 1 ? "1 minute" : $"{minutes} minutes";
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

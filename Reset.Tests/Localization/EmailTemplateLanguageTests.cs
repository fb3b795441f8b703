using Reset.Infrastructure.Configuration;
using Reset.Infrastructure.Email.Templates;
using Reset.Infrastructure.Localization;

namespace Reset.Tests.Localization;

/// <summary>The e-mails' words in each language, rendered without servers; which language a customer gets is tested over HTTP.</summary>
public sealed class EmailTemplateLanguageTests
{
    private static readonly ShopOptions Shop = new() { Name = "Acme & Sons", SupportContact = "help@acme.example" };

    [Theory]
    [InlineData(Language.English, "26 November 2026 at 09:05 UTC")]
    [InlineData(Language.Ukrainian, "26 листопада 2026 р., 09:05 UTC")]
    [InlineData(Language.Russian, "26 ноября 2026 г., 09:05 UTC")]
    public void The_password_changed_email_names_the_moment_in_the_languages_own_words(Language language, string moment)
    {
        var email = EmailTemplates.PasswordChanged(new DateTimeOffset(2026, 11, 26, 11, 5, 0, TimeSpan.FromHours(2)), Shop, language);

        email.Text.ShouldContain(moment);
        email.Html.ShouldContain(moment);
        email.Html.ShouldContain($"<html lang=\"{language.Tag()}\">");
    }

    [Theory]
    [InlineData(1, "Код діє 1 хвилину", "Код действует 1 минуту", "within 1 minute.")]
    [InlineData(3, "Код діє 3 хвилини", "Код действует 3 минуты", "within 3 minutes.")]
    [InlineData(10, "Код діє 10 хвилин", "Код действует 10 минут", "within 10 minutes.")]
    [InlineData(21, "Код діє 21 хвилину", "Код действует 21 минуту", "within 21 minutes.")]
    public void The_code_email_says_the_codes_lifetime_in_the_right_plural_form(int minutes, string uk, string ru, string en)
    {
        var lifetime = TimeSpan.FromMinutes(minutes);

        EmailTemplates.ResetCode("042917", lifetime, Shop, Language.Ukrainian).Text.ShouldContain(uk);
        EmailTemplates.ResetCode("042917", lifetime, Shop, Language.Russian).Text.ShouldContain(ru);
        EmailTemplates.ResetCode("042917", lifetime, Shop, Language.English).Text.ShouldContain(en);
    }

    [Theory]
    [InlineData(Language.English)]
    [InlineData(Language.Ukrainian)]
    [InlineData(Language.Russian)]
    public void The_code_is_in_the_subject_only_when_asked_for_and_always_in_the_body(Language language)
    {
        var plain = EmailTemplates.ResetCode("042917", TimeSpan.FromMinutes(10), Shop, language);
        var shown = EmailTemplates.ResetCode("042917", TimeSpan.FromMinutes(10), Shop, language, codeInSubject: true);

        plain.Subject.ShouldNotMatch("[0-9]");
        shown.Subject.ShouldStartWith("042917");
        foreach (var email in new[] { plain, shown })
        {
            email.Text.ShouldContain("042917");
            email.Html.ShouldContain("042917");
        }
    }

    [Theory]
    [InlineData(Language.English)]
    [InlineData(Language.Ukrainian)]
    [InlineData(Language.Russian)]
    public void The_html_part_encodes_the_shops_name_and_names_support_in_every_language(Language language)
    {
        foreach (var email in new[]
                 {
                     EmailTemplates.ResetCode("042917", TimeSpan.FromMinutes(10), Shop, language),
                     EmailTemplates.PasswordChanged(DateTimeOffset.UnixEpoch, Shop, language),
                     EmailTemplates.SupportRequestReceived("SR-7K4Q-2M9X", Shop, language),
                 })
        {
            email.Html.ShouldContain("Acme &amp; Sons");
            email.Html.ShouldNotContain("Acme & Sons");
            email.Html.ShouldContain("help@acme.example");
        }
    }

    [Fact]
    public void The_support_acknowledgement_shows_its_reference_in_bold() =>
        EmailTemplates.SupportRequestReceived("SR-7K4Q-2M9X", Shop, Language.Russian).Html.ShouldContain("Его номер — <strong>SR-7K4Q-2M9X</strong>.");
}

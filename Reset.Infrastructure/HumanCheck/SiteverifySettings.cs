using Microsoft.Extensions.Hosting;
using Reset.Infrastructure.Configuration;

namespace Reset.Infrastructure.HumanCheck;

/// <summary>The start-up checks of the hosted providers' settings, each failure naming its setting.</summary>
internal static class SiteverifySettings
{
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxTotalTimeout = TimeSpan.FromSeconds(30);

    public static IEnumerable<string> Validate(HumanCheckOptions options, IHostEnvironment environment)
    {
        var shortcutsAllowed = DevelopmentShortcuts.AllowedIn(environment);
        if (!shortcutsAllowed && options.Secret is { } secret && HostedTestKeys.Secrets.Contains(secret.Trim()))
        {
            yield return $"{Setting.Name("HumanCheck:Secret")} is a provider's published test secret, which passes tokens without a human, {DevelopmentShortcuts.NotIn(environment)}: use the site's own secret.";
        }

        if (!shortcutsAllowed && options.SiteKey is { } siteKey && HostedTestKeys.SiteKeys.Contains(siteKey.Trim()))
        {
            yield return $"{Setting.Name("HumanCheck:SiteKey")} is a provider's published test site key, {DevelopmentShortcuts.NotIn(environment)}: use the site's own key.";
        }

        if (options.SiteverifyUrl is { Length: > 0 } url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                yield return $"{Setting.Name("HumanCheck:SiteverifyUrl")} must be an absolute http or https URL.";
            }
            else if (!shortcutsAllowed && uri.Scheme != Uri.UriSchemeHttps)
            {
                // The secret travels in the request body.
                yield return $"{Setting.Name("HumanCheck:SiteverifyUrl")} must be https outside Development.";
            }
        }

        if (options.Timeout < MinTimeout || options.Timeout > MaxTotalTimeout)
        {
            yield return $"{Setting.Name("HumanCheck:Timeout")} must be between 00:00:00.100 and 00:00:30.";
        }

        if (options.TotalTimeout < options.Timeout || options.TotalTimeout > MaxTotalTimeout)
        {
            yield return $"{Setting.Name("HumanCheck:TotalTimeout")} must be at least {Setting.Name("HumanCheck:Timeout")} and at most 00:00:30.";
        }

        if (options.ProviderName == HumanCheckOptions.ReCaptcha)
        {
            var reCaptcha = options.ReCaptchaSettings;
            if (reCaptcha.Version is not (2 or 3))
            {
                yield return $"{Setting.Name("HumanCheck:ReCaptcha:Version")} must be 2 or 3, as the key was created.";
            }
            else if (reCaptcha.Version == 3)
            {
                if (reCaptcha.MinScore is < 0.0 or > 1.0 || double.IsNaN(reCaptcha.MinScore))
                {
                    yield return $"{Setting.Name("HumanCheck:ReCaptcha:MinScore")} must be between 0.0 and 1.0.";
                }

                if (string.IsNullOrWhiteSpace(reCaptcha.Action))
                {
                    yield return $"{Setting.Name("HumanCheck:ReCaptcha:Action")} is missing: reCAPTCHA v3 answers are checked against it.";
                }
            }
        }
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Reset.Infrastructure.Configuration;

namespace Reset.Infrastructure.HumanCheck;

public sealed class HumanCheckOptions
{
    public const string Section = "HumanCheck";

    public const string Altcha = "altcha";
    public const string Turnstile = "turnstile";
    public const string HCaptcha = "hcaptcha";
    public const string ReCaptcha = "recaptcha";
    public const string Disabled = "disabled";

    public static readonly string[] Providers = [Altcha, Turnstile, HCaptcha, ReCaptcha, Disabled];

    /// <summary>altcha (built in, the default) | turnstile | hcaptcha | recaptcha | disabled (tests only).</summary>
    public string Provider { get; set; } = Altcha;

    /// <summary><see cref="Provider"/> as the code compares it: lower case.</summary>
    public string ProviderName => Provider.ToLowerInvariant();

    /// <summary>The ALTCHA HMAC key, or the hosted provider's secret key.</summary>
    public string? Secret { get; set; }

    /// <summary>The hosted provider's public site key, handed to clients for their widget.</summary>
    public string? SiteKey { get; set; }

    /// <summary>The built-in ALTCHA proof of work (HumanCheck:Altcha:…).</summary>
    [ConfigurationKeyName("Altcha")]
    public AltchaOptions ProofOfWork { get; set; } = new();

    /// <summary>The hosted provider's siteverify endpoint; unset means its official one. Tests point it at a local server.</summary>
    public string? SiteverifyUrl { get; set; }

    /// <summary>How long one siteverify call may take before it counts as failed and is retried.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The bound on a whole check, every try and the waits between them included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>When set, a hosted provider's answer must name this hostname (the site the widget ran on).</summary>
    public string? ExpectedHostname { get; set; }

    /// <summary>Google reCAPTCHA's version and, for v3, its score threshold and action (HumanCheck:ReCaptcha:…).</summary>
    [ConfigurationKeyName("ReCaptcha")]
    public ReCaptchaOptions ReCaptchaSettings { get; set; } = new();
}

/// <summary>
/// How much work an ALTCHA challenge asks for, and how long it lives. The service hides a counter
/// drawn uniformly from 0..MaxCounter; the widget tries counters from 0 up, one PBKDF2 of Cost
/// iterations each, so a solve takes MaxCounter / 2 + 1 derivations on average, spread over the
/// widget's workers. The defaults solve in about a second in a phone's browser (README says how
/// that was measured); tests and benchmarks lower them.
/// </summary>
public sealed class AltchaOptions
{
    public const int MaxCost = 1_000_000;
    public const int MaxMaxCounter = 10_000_000;

    /// <summary>PBKDF2-HMAC-SHA256 iterations per attempt; the server spends one derivation per challenge it issues.</summary>
    public int Cost { get; set; } = 1000;

    /// <summary>The largest hidden counter: the number of attempts a solve needs at worst, less one.</summary>
    public int MaxCounter { get; set; } = 3000;

    /// <summary>From issue to expiry; a solved challenge must be used within it, once.</summary>
    public TimeSpan ChallengeLifetime { get; set; } = TimeSpan.FromMinutes(10);
}

internal sealed class HumanCheckOptionsValidator(IHostEnvironment environment) : IValidateOptions<HumanCheckOptions>
{
    internal const int MinAltchaSecretLength = 32;

    /// <summary>The secret appsettings.Development.json ships: public, so good enough for Development only.</summary>
    internal const string DevelopmentSecret = "development-only-altcha-hmac-key-not-secret";

    private static readonly TimeSpan MinChallengeLifetime = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxChallengeLifetime = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, HumanCheckOptions options)
    {
        var provider = options.ProviderName;
        if (!HumanCheckOptions.Providers.Contains(provider))
        {
            return ValidateOptionsResult.Fail(
                $"{Setting.Name("HumanCheck:Provider")} must be one of {string.Join(", ", HumanCheckOptions.Providers)}.");
        }

        if (provider == HumanCheckOptions.Disabled)
        {
            return DevelopmentShortcuts.AllowedIn(environment)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"{Setting.Name("HumanCheck:Provider")} is 'disabled', which lets any token pass: {DevelopmentShortcuts.NotIn(environment)}.");
        }

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Secret))
        {
            failures.Add($"{Setting.Name("HumanCheck:Secret")} is missing: the {provider} verifier needs it.");
        }
        else if (provider == HumanCheckOptions.Altcha && options.Secret.Length < MinAltchaSecretLength)
        {
            failures.Add($"{Setting.Name("HumanCheck:Secret")} must be at least {MinAltchaSecretLength} characters for ALTCHA's HMAC.");
        }
        else if (!DevelopmentShortcuts.AllowedIn(environment) && options.Secret == DevelopmentSecret)
        {
            failures.Add($"{Setting.Name("HumanCheck:Secret")} is the public development key, {DevelopmentShortcuts.NotIn(environment)}: set a secret of your own.");
        }

        if (provider == HumanCheckOptions.Altcha)
        {
            failures.AddRange(ValidateAltcha(options.ProofOfWork));
        }
        else
        {
            if (string.IsNullOrWhiteSpace(options.SiteKey))
            {
                failures.Add($"{Setting.Name("HumanCheck:SiteKey")} is missing: clients need it to show the {provider} widget.");
            }

            failures.AddRange(SiteverifySettings.Validate(options, environment));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> ValidateAltcha(AltchaOptions altcha)
    {
        if (altcha.Cost is < 1 or > AltchaOptions.MaxCost)
        {
            yield return $"{Setting.Name("HumanCheck:Altcha:Cost")} must be between 1 and {AltchaOptions.MaxCost} PBKDF2 iterations.";
        }

        if (altcha.MaxCounter is < 0 or > AltchaOptions.MaxMaxCounter)
        {
            yield return $"{Setting.Name("HumanCheck:Altcha:MaxCounter")} must be between 0 and {AltchaOptions.MaxMaxCounter}.";
        }

        if (altcha.ChallengeLifetime < MinChallengeLifetime || altcha.ChallengeLifetime > MaxChallengeLifetime)
        {
            yield return $"{Setting.Name("HumanCheck:Altcha:ChallengeLifetime")} must be between 00:00:30 and 1.00:00:00.";
        }
    }
}

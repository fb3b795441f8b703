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

    /// <summary>The ALTCHA HMAC key, or the hosted provider's secret key.</summary>
    public string? Secret { get; set; }

    /// <summary>The hosted provider's public site key, handed to clients for their widget.</summary>
    public string? SiteKey { get; set; }
}

internal sealed class HumanCheckOptionsValidator(IHostEnvironment environment) : IValidateOptions<HumanCheckOptions>
{
    internal const int MinAltchaSecretLength = 32;

    public ValidateOptionsResult Validate(string? name, HumanCheckOptions options)
    {
        var provider = options.Provider.ToLowerInvariant();
        if (!HumanCheckOptions.Providers.Contains(provider))
        {
            return ValidateOptionsResult.Fail(
                $"{Setting.Name("HumanCheck:Provider")} must be one of {string.Join(", ", HumanCheckOptions.Providers)}.");
        }

        if (provider == HumanCheckOptions.Disabled)
        {
            return environment.IsProduction()
                ? ValidateOptionsResult.Fail($"{Setting.Name("HumanCheck:Provider")} is 'disabled', which lets any token pass: not allowed in Production.")
                : ValidateOptionsResult.Success;
        }

        if (string.IsNullOrWhiteSpace(options.Secret))
        {
            return ValidateOptionsResult.Fail($"{Setting.Name("HumanCheck:Secret")} is missing: the {provider} verifier needs it.");
        }

        if (provider == HumanCheckOptions.Altcha && options.Secret.Length < MinAltchaSecretLength)
        {
            return ValidateOptionsResult.Fail($"{Setting.Name("HumanCheck:Secret")} must be at least {MinAltchaSecretLength} characters for ALTCHA's HMAC.");
        }

        if (provider != HumanCheckOptions.Altcha && string.IsNullOrWhiteSpace(options.SiteKey))
        {
            return ValidateOptionsResult.Fail($"{Setting.Name("HumanCheck:SiteKey")} is missing: clients need it to show the {provider} widget.");
        }

        return ValidateOptionsResult.Success;
    }
}

using Microsoft.Extensions.Hosting.Internal;
using Reset.Infrastructure.HumanCheck;

namespace Reset.Tests.HumanCheck.Hosted;

/// <summary>The hosted providers' settings are checked at start; every environment but Development refuses the providers' published test keys.</summary>
public sealed class SiteverifySettingsTests
{
    private static readonly HumanCheckOptionsValidator Production = new(new HostingEnvironment { EnvironmentName = "Production" });
    private static readonly HumanCheckOptionsValidator Development = new(new HostingEnvironment { EnvironmentName = "Development" });

    private static readonly HumanCheckOptionsValidator Staging = new(new HostingEnvironment { EnvironmentName = "Staging" });

    [Theory]
    [InlineData("turnstile", "1x0000000000000000000000000000000AA")]
    [InlineData("turnstile", "2x0000000000000000000000000000000AA")]
    [InlineData("turnstile", "3x0000000000000000000000000000000AA")]
    [InlineData("hcaptcha", "0x0000000000000000000000000000000000000000")]
    [InlineData("recaptcha", "6LeIxAcTAAAAAGG-vFI1TnRWxMZNFuojJ4WifJWe")]
    public void Production_refuses_a_published_test_secret_naming_the_setting(string provider, string secret)
    {
        var result = Production.Validate(null, new HumanCheckOptions { Provider = provider, Secret = secret, SiteKey = "the-sites-own-key" });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("HumanCheck__Secret (HumanCheck:Secret) is a provider's published test secret");
        result.FailureMessage.ShouldNotContain(secret);
    }

    [Theory]
    [InlineData("turnstile", "1x00000000000000000000AA")]
    [InlineData("turnstile", "3x00000000000000000000FF")]
    [InlineData("hcaptcha", "10000000-ffff-ffff-ffff-000000000001")]
    [InlineData("recaptcha", "6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI")]
    public void Production_refuses_a_published_test_site_key_naming_the_setting(string provider, string siteKey)
    {
        var result = Production.Validate(null, new HumanCheckOptions { Provider = provider, Secret = "the-sites-own-secret", SiteKey = siteKey });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("HumanCheck__SiteKey (HumanCheck:SiteKey) is a provider's published test site key");
    }

    [Fact]
    public void Test_keys_are_fine_in_Development_only()
    {
        var options = new HumanCheckOptions
        {
            Provider = "turnstile",
            Secret = "1x0000000000000000000000000000000AA",
            SiteKey = "1x00000000000000000000AA",
        };

        Development.Validate(null, options).Succeeded.ShouldBeTrue();
        Message(Staging.Validate(null, options)).ShouldContain("HumanCheck__Secret (HumanCheck:Secret) is a provider's published test secret");
    }

    [Fact]
    public void Hosted_provider_without_secret_or_site_key_is_refused_naming_both()
    {
        var result = Development.Validate(null, new HumanCheckOptions { Provider = "hcaptcha" });

        result.Failures.ShouldNotBeNull();
        result.Failures.ShouldContain("HumanCheck__Secret (HumanCheck:Secret) is missing: the hcaptcha verifier needs it.");
        result.Failures.ShouldContain("HumanCheck__SiteKey (HumanCheck:SiteKey) is missing: clients need it to show the hcaptcha widget.");
    }

    [Fact]
    public void Plain_http_siteverify_url_is_refused_outside_Development()
    {
        var options = new HumanCheckOptions { Provider = "turnstile", Secret = "own", SiteKey = "own", SiteverifyUrl = "http://127.0.0.1:8081/siteverify" };

        Development.Validate(null, options).Succeeded.ShouldBeTrue();
        Message(Staging.Validate(null, options)).ShouldContain("HumanCheck__SiteverifyUrl (HumanCheck:SiteverifyUrl) must be https outside Development");
        Message(Production.Validate(null, options)).ShouldContain("HumanCheck__SiteverifyUrl (HumanCheck:SiteverifyUrl) must be https outside Development");
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("/siteverify")]
    [InlineData("ftp://provider.example/siteverify")]
    public void Siteverify_url_that_is_not_absolute_http_is_refused(string url)
    {
        var result = Development.Validate(null, new HumanCheckOptions { Provider = "turnstile", Secret = "own", SiteKey = "own", SiteverifyUrl = url });

        Message(result).ShouldContain("HumanCheck__SiteverifyUrl (HumanCheck:SiteverifyUrl) must be an absolute http or https URL");
    }

    [Fact]
    public void Timeouts_out_of_range_are_refused_each_by_name()
    {
        var result = Development.Validate(null, new HumanCheckOptions
        {
            Provider = "turnstile",
            Secret = "own",
            SiteKey = "own",
            Timeout = TimeSpan.FromMilliseconds(10),
            TotalTimeout = TimeSpan.FromMinutes(5),
        });

        result.Failures.ShouldNotBeNull();
        result.Failures.ShouldContain(f => f.StartsWith("HumanCheck__Timeout (HumanCheck:Timeout) must be between", StringComparison.Ordinal));
        result.Failures.ShouldContain(f => f.StartsWith("HumanCheck__TotalTimeout (HumanCheck:TotalTimeout) must be at least", StringComparison.Ordinal));
    }

    [Fact]
    public void Total_timeout_shorter_than_one_try_is_refused()
    {
        var result = Development.Validate(null, new HumanCheckOptions
        {
            Provider = "hcaptcha",
            Secret = "own",
            SiteKey = "own",
            Timeout = TimeSpan.FromSeconds(3),
            TotalTimeout = TimeSpan.FromSeconds(2),
        });

        Message(result).ShouldContain("HumanCheck__TotalTimeout (HumanCheck:TotalTimeout) must be at least HumanCheck__Timeout");
    }

    [Fact]
    public void ReCaptcha_settings_out_of_range_are_refused_each_by_name()
    {
        var v3 = Development.Validate(null, new HumanCheckOptions
        {
            Provider = "recaptcha",
            Secret = "own",
            SiteKey = "own",
            ReCaptchaSettings = { MinScore = 1.5, Action = " " },
        });
        var v4 = Development.Validate(null, new HumanCheckOptions { Provider = "recaptcha", Secret = "own", SiteKey = "own", ReCaptchaSettings = { Version = 4 } });

        v3.Failures.ShouldNotBeNull();
        v3.Failures.ShouldContain("HumanCheck__ReCaptcha__MinScore (HumanCheck:ReCaptcha:MinScore) must be between 0.0 and 1.0.");
        v3.Failures.ShouldContain(f => f.StartsWith("HumanCheck__ReCaptcha__Action (HumanCheck:ReCaptcha:Action) is missing", StringComparison.Ordinal));
        Message(v4).ShouldContain("HumanCheck__ReCaptcha__Version (HumanCheck:ReCaptcha:Version) must be 2 or 3");
    }

    [Fact]
    public void ReCaptcha_v2_needs_no_action()
    {
        var result = Development.Validate(null, new HumanCheckOptions
        {
            Provider = "recaptcha",
            Secret = "own",
            SiteKey = "own",
            ReCaptchaSettings = { Version = 2, Action = null },
        });

        result.Succeeded.ShouldBeTrue();
    }

    private static string Message(Microsoft.Extensions.Options.ValidateOptionsResult result) => result.FailureMessage ?? "(no failure)";
}

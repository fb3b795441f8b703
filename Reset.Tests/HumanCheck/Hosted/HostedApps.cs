using Reset.Tests.Fixtures;

namespace Reset.Tests.HumanCheck.Hosted;

/// <summary>The service with Turnstile, its siteverify played by WireMock: each token the tests send gets its own answer.</summary>
public sealed class TurnstileApp : ResetApp
{
    public const string Passes = "turnstile-token-that-passes";
    public const string Fails = "turnstile-token-that-fails";
    public const string Replayed = "turnstile-token-used-before";
    public const string ProviderDown = "turnstile-token-while-the-provider-is-down";
    public const string FromProxy = "turnstile-token-through-a-proxy";

    public SiteverifyServer Provider { get; } = new();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Provider
            .Answers(SiteverifyServer.Success(), Passes)
            .Answers(SiteverifyServer.Success(), FromProxy)
            .Answers(SiteverifyServer.Failure("invalid-input-response"), Fails)
            .Answers(SiteverifyServer.Failure("timeout-or-duplicate"), Replayed)
            .AnswersStatus(503, ProviderDown);
        Settings["HumanCheck:Provider"] = "turnstile";
        Settings["HumanCheck:Secret"] = HostedCheck.Secret;
        Settings["HumanCheck:SiteKey"] = HostedCheck.SiteKey;
        Settings["HumanCheck:SiteverifyUrl"] = Provider.Url;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Provider.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The service with reCAPTCHA v3 (minimum score 0.5, action password_reset), its siteverify played by WireMock.</summary>
public sealed class ReCaptchaApp : ResetApp
{
    public const string Human = "recaptcha-token-of-a-human";
    public const string Bot = "recaptcha-token-of-a-bot";
    public const string OtherAction = "recaptcha-token-for-the-login-form";

    public SiteverifyServer Provider { get; } = new();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Provider
            .Answers(SiteverifyServer.ReCaptchaV3(0.9, "password_reset"), Human)
            .Answers(SiteverifyServer.ReCaptchaV3(0.1, "password_reset"), Bot)
            .Answers(SiteverifyServer.ReCaptchaV3(0.9, "login"), OtherAction);
        Settings["HumanCheck:Provider"] = "recaptcha";
        Settings["HumanCheck:Secret"] = HostedCheck.Secret;
        Settings["HumanCheck:SiteKey"] = HostedCheck.SiteKey;
        Settings["HumanCheck:SiteverifyUrl"] = Provider.Url;
        Settings["HumanCheck:ReCaptcha:Version"] = "3";
        Settings["HumanCheck:ReCaptcha:MinScore"] = "0.5";
        Settings["HumanCheck:ReCaptcha:Action"] = "password_reset";
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Provider.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The service with hCaptcha whose siteverify URL is a loopback port nothing listens on.</summary>
public sealed class UnreachableHCaptchaApp : ResetApp
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Settings["HumanCheck:Provider"] = "hcaptcha";
        Settings["HumanCheck:Secret"] = HostedCheck.Secret;
        Settings["HumanCheck:SiteKey"] = HostedCheck.SiteKey;
        Settings["HumanCheck:SiteverifyUrl"] = $"http://127.0.0.1:{SiteverifyServer.FreePort()}/siteverify";
    }
}

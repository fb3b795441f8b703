using Reset.Tests.Fixtures;

namespace Reset.Tests.HumanCheck;

/// <summary>The service with the built-in ALTCHA human check, at a difficulty that solves in milliseconds.</summary>
public sealed class AltchaApp : ResetApp
{
    public const string Secret = "test-only-altcha-hmac-key-at-least-32-chars";
    public const int Cost = 100;
    public const int MaxCounter = 200;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Settings["HumanCheck:Provider"] = "altcha";
        Settings["HumanCheck:Secret"] = Secret;
        Settings["HumanCheck:Altcha:Cost"] = Cost.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["HumanCheck:Altcha:MaxCounter"] = MaxCounter.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

using System.Text.Json;
using Microsoft.Extensions.Hosting.Internal;
using Reset.Infrastructure.HumanCheck;
using Reset.Tests.Fixtures;

namespace Reset.Tests.HumanCheck;

/// <summary>The human-check settings refuse what cannot work, naming each setting as an operator sets it.</summary>
public sealed class HumanCheckOptionsTests
{
    private static readonly HumanCheckOptionsValidator Validator = new(new HostingEnvironment { EnvironmentName = "Production" });

    [Fact]
    public void Altcha_defaults_with_a_secret_are_valid()
    {
        var result = Validator.Validate(null, new HumanCheckOptions { Secret = new string('k', 32) });

        result.Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Development_secret_is_refused_in_Production()
    {
        using var development = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "Reset.Api", "appsettings.Development.json")));
        var secret = development.RootElement.GetProperty("HumanCheck").GetProperty("Secret").GetString();

        var result = Validator.Validate(null, new HumanCheckOptions { Secret = secret });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("HumanCheck__Secret (HumanCheck:Secret) is the public development key");
    }

    [Theory]
    [InlineData("turnstile")]
    [InlineData("hcaptcha")]
    [InlineData("recaptcha")]
    public void Hosted_provider_with_its_own_secret_and_site_key_is_valid_in_Production(string provider)
    {
        var result = Validator.Validate(null, new HumanCheckOptions { Provider = provider, Secret = "the-sites-own-secret", SiteKey = "the-sites-own-key" });

        result.Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Altcha_settings_out_of_range_are_refused_each_by_name()
    {
        var options = new HumanCheckOptions
        {
            Secret = new string('k', 32),
            ProofOfWork = { Cost = 0, MaxCounter = -1, ChallengeLifetime = TimeSpan.FromSeconds(1) },
        };

        var result = Validator.Validate(null, options);

        result.Failures.ShouldNotBeNull();
        result.Failures.ShouldContain(f => f.StartsWith("HumanCheck__Altcha__Cost (HumanCheck:Altcha:Cost) must be between 1 and", StringComparison.Ordinal));
        result.Failures.ShouldContain(f => f.StartsWith("HumanCheck__Altcha__MaxCounter (HumanCheck:Altcha:MaxCounter) must be between 0 and", StringComparison.Ordinal));
        result.Failures.ShouldContain(f => f.StartsWith("HumanCheck__Altcha__ChallengeLifetime (HumanCheck:Altcha:ChallengeLifetime) must be between", StringComparison.Ordinal));
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Reset.Infrastructure.HumanCheck;

namespace Reset.Tests.HumanCheck.Hosted;

/// <summary>
/// The configured verifier as the service wires it (options, validator, HttpClient and Polly
/// pipeline), without the web host; each instance has its own pipeline, so its own circuit.
/// </summary>
public sealed class HostedCheck : IDisposable
{
    public const string Secret = "test-siteverify-secret-never-shown";
    public const string SiteKey = "test-site-key";
    public const string ClientIp = "203.0.113.7";

    private readonly ServiceProvider _services;

    public HostedCheck(string provider, string siteverifyUrl, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["HumanCheck:Provider"] = provider,
            ["HumanCheck:Secret"] = Secret,
            ["HumanCheck:SiteKey"] = SiteKey,
            ["HumanCheck:SiteverifyUrl"] = siteverifyUrl,
            // Generous per try: a first call (JIT, WireMock warming up) on a busy 2-core machine took
            // over 2 s once, and a retry then breaks the tests that count requests.
            // Tests of slow answers set their own, short timeout.
            ["HumanCheck:Timeout"] = "00:00:05",
            ["HumanCheck:TotalTimeout"] = "00:00:10",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOptions<HumanCheckOptions>().Bind(configuration.GetSection(HumanCheckOptions.Section));
        services.AddSingleton<IValidateOptions<HumanCheckOptions>>(new HumanCheckOptionsValidator(new HostingEnvironment { EnvironmentName = "Development" }));
        services.AddHumanCheck();
        _services = services.BuildServiceProvider();
        Verifier = _services.GetRequiredService<IHumanCheckVerifier>();
    }

    public IHumanCheckVerifier Verifier { get; }

    public Task<HumanCheckResult> VerifyAsync(string token) => Verifier.VerifyAsync(token, ClientIp, TestContext.Current.CancellationToken);

    public void Dispose() => _services.Dispose();
}

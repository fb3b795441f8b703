using System.Diagnostics;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Http;

/// <summary>
/// The built service refuses to start on a missing or wrong setting and says which, by the name an
/// operator sets. Runs the real binary, as an operator would, with a clean environment.
/// </summary>
public sealed class StartupConfigurationTests
{
    private const int ConfigurationErrorExitCode = 78;

    [Fact]
    public async Task Missing_connection_strings_stop_the_service_naming_each_setting()
    {
        var (exitCode, output) = await RunServiceAsync("Development", new()
        {
            ["ConnectionStrings__Postgres"] = "",
            ["ConnectionStrings__Redis"] = "",
        });

        exitCode.ShouldBe(ConfigurationErrorExitCode);
        output.ShouldContain("ConnectionStrings__Postgres (ConnectionStrings:Postgres) is missing");
        output.ShouldContain("ConnectionStrings__Redis (ConnectionStrings:Redis) is missing");
        output.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Invalid_setting_stops_the_service_naming_it()
    {
        var (exitCode, output) = await RunServiceAsync("Development", new()
        {
            ["ConnectionStrings__Postgres"] = "Host=127.0.0.1;Database=reset",
            ["ConnectionStrings__Redis"] = "127.0.0.1:6379",
            ["Email__Smtp__Port"] = "70000",
            ["HumanCheck__Provider"] = "captcha-of-the-week",
            ["Host__ShutdownTimeout"] = "00:00:00",
            ["Email__Outbox__Retention"] = "00:10:00",
        });

        exitCode.ShouldBe(ConfigurationErrorExitCode);
        output.ShouldContain("Email__Smtp__Port (Email:Smtp:Port) must be between 1 and 65535");
        output.ShouldContain("HumanCheck__Provider (HumanCheck:Provider) must be one of");
        output.ShouldContain("Host__ShutdownTimeout (Host:ShutdownTimeout) must be between 00:00:01 and 00:10:00");
        output.ShouldContain("Email__Outbox__Retention (Email:Outbox:Retention) must be at least 01:00:00");
    }

    [Fact]
    public async Task Production_without_secrets_refuses_to_start_naming_each_secret()
    {
        var (exitCode, output) = await RunServiceAsync("Production", new()
        {
            ["ConnectionStrings__Postgres"] = "Host=127.0.0.1;Database=reset",
            ["ConnectionStrings__Redis"] = "127.0.0.1:6379",
        });

        exitCode.ShouldBe(ConfigurationErrorExitCode);
        output.ShouldContain("Secrets__HmacKey (Secrets:HmacKey) is missing");
        output.ShouldContain("HumanCheck__Secret (HumanCheck:Secret) is missing");
        output.ShouldContain("Email__Smtp__Host (Email:Smtp:Host) is missing");
    }

    [Fact]
    public async Task Production_refuses_the_disabled_human_check()
    {
        var (exitCode, output) = await RunServiceAsync("Production", new()
        {
            ["ConnectionStrings__Postgres"] = "Host=127.0.0.1;Database=reset",
            ["ConnectionStrings__Redis"] = "127.0.0.1:6379",
            ["Secrets__HmacKey"] = ResetApp.TestHmacKey,
            ["Email__Smtp__Host"] = "127.0.0.1",
            ["HumanCheck__Provider"] = "disabled",
        });

        exitCode.ShouldBe(ConfigurationErrorExitCode);
        output.ShouldContain("HumanCheck__Provider (HumanCheck:Provider) is 'disabled'");
    }

    [Theory]
    [InlineData("Staging")]
    [InlineData("Production")]
    [InlineData("Testing")]
    public async Task Outside_Development_the_disabled_human_check_and_the_development_hmac_key_stop_the_service_naming_each(string environment)
    {
        var (exitCode, output) = await RunServiceAsync(environment, new()
        {
            ["ConnectionStrings__Postgres"] = "Host=127.0.0.1;Database=reset",
            ["ConnectionStrings__Redis"] = "127.0.0.1:6379",
            ["Email__Smtp__Host"] = "127.0.0.1",
            ["Secrets__HmacKey"] = DevelopmentHmacKey,
            ["HumanCheck__Provider"] = "disabled",
        });

        exitCode.ShouldBe(ConfigurationErrorExitCode);
        output.ShouldContain($"HumanCheck__Provider (HumanCheck:Provider) is 'disabled', which lets any token pass: allowed in Development only, not in {environment}");
        output.ShouldContain($"Secrets__HmacKey (Secrets:HmacKey) is the public development key, allowed in Development only, not in {environment}");
        output.ShouldNotContain(DevelopmentHmacKey);
    }

    [Theory]
    [InlineData("Staging")]
    [InlineData("Production")]
    public async Task Outside_Development_the_development_altcha_secret_stops_the_service_naming_it(string environment)
    {
        var (exitCode, output) = await RunServiceAsync(environment, new()
        {
            ["ConnectionStrings__Postgres"] = "Host=127.0.0.1;Database=reset",
            ["ConnectionStrings__Redis"] = "127.0.0.1:6379",
            ["Email__Smtp__Host"] = "127.0.0.1",
            ["Secrets__HmacKey"] = ResetApp.TestHmacKey,
            ["HumanCheck__Provider"] = "altcha",
            ["HumanCheck__Secret"] = DevelopmentAltchaSecret,
        });

        exitCode.ShouldBe(ConfigurationErrorExitCode);
        output.ShouldContain($"HumanCheck__Secret (HumanCheck:Secret) is the public development key, allowed in Development only, not in {environment}");
    }

    /// <summary>The public keys appsettings.Development.json ships.</summary>
    private const string DevelopmentHmacKey = "ZGV2ZWxvcG1lbnQtb25seS1obWFjLWtleS1ub3Qtc2VjcmV0ISE=";

    private const string DevelopmentAltchaSecret = "development-only-altcha-hmac-key-not-secret";

    [Fact]
    public async Task Container_health_probe_answers_0_for_a_live_service_and_1_when_none_answers()
    {
        string url;
        await using (var service = await ServiceProcess.StartAsync())
        {
            url = $"http://127.0.0.1:{service.Port}/health/live";
            (await ProbeAsync(url)).ShouldBe(0);
        }

        (await ProbeAsync(url)).ShouldBe(1);
    }

    private static async Task<int> ProbeAsync(string url)
    {
        using var probe = Process.Start(ServiceProcess.StartInfo("Production", [], "healthcheck", url))!;
        await probe.WaitForExitAsync(TestContext.Current.CancellationToken);
        return probe.ExitCode;
    }

    private static async Task<(int ExitCode, string Output)> RunServiceAsync(string environment, Dictionary<string, string> settings)
    {
        var start = ServiceProcess.StartInfo(environment, settings, "--urls", "http://127.0.0.1:0");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The service started instead of refusing its configuration.");
        }

        return (process.ExitCode, await output + await error);
    }
}

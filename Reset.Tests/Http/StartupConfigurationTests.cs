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
        });

        exitCode.ShouldBe(ConfigurationErrorExitCode);
        output.ShouldContain("Email__Smtp__Port (Email:Smtp:Port) must be between 1 and 65535");
        output.ShouldContain("HumanCheck__Provider (HumanCheck:Provider) must be one of");
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

    [Fact]
    public async Task Container_health_probe_answers_0_for_a_live_service_and_1_when_none_answers()
    {
        var servers = await TestServers.GetAsync();
        var database = await servers.CreateDatabaseAsync();
        var port = FreePort();
        var service = Process.Start(ServiceStart("Development", new()
        {
            ["ConnectionStrings__Postgres"] = database,
            ["ConnectionStrings__Redis"] = servers.Redis,
        }, "--urls", $"http://127.0.0.1:{port}"))!;
        try
        {
            var live = 1;
            for (var i = 0; i < 100 && live != 0; i++)
            {
                await Task.Delay(200, TestContext.Current.CancellationToken);
                live = await ProbeAsync($"http://127.0.0.1:{port}/health/live");
            }

            live.ShouldBe(0);
        }
        finally
        {
            service.Kill(entireProcessTree: true);
            await service.WaitForExitAsync(TestContext.Current.CancellationToken);
            service.Dispose();
            await servers.DropDatabaseAsync(database);
        }

        (await ProbeAsync($"http://127.0.0.1:{port}/health/live")).ShouldBe(1);
    }

    private static async Task<int> ProbeAsync(string url)
    {
        using var probe = Process.Start(ServiceStart("Production", [], "healthcheck", url))!;
        await probe.WaitForExitAsync(TestContext.Current.CancellationToken);
        return probe.ExitCode;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static ProcessStartInfo ServiceStart(string environment, Dictionary<string, string> settings, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [ApiBinary, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(ApiBinary)!,
        };
        // Only what the test names: nothing inherited from the test run's own configuration.
        foreach (var key in start.Environment.Keys.Where(k => k.Contains("__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    private static async Task<(int ExitCode, string Output)> RunServiceAsync(string environment, Dictionary<string, string> settings)
    {
        var start = ServiceStart(environment, settings, "--urls", "http://127.0.0.1:0");
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

    private static string ApiBinary => Path.Combine(RepoRoot.Path, "Reset.Api", "bin", BuildConfiguration, "net10.0", "Reset.Api.dll");

#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif
}

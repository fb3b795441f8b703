using System.Diagnostics;
using System.Text.RegularExpressions;
using Reset.Api.ApiKeys;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Http.Internal;

/// <summary>
/// The built binary mints keys (`new-api-key`), and refuses to start on key settings it cannot use,
/// naming each setting and never quoting what was put in a Hash setting.
/// </summary>
public sealed partial class ApiKeyCommandTests
{
    [Fact]
    public async Task New_api_key_prints_a_random_key_once_and_the_settings_holding_its_SHA256()
    {
        var (exitCode, output) = await RunAsync([], "new-api-key", "crm", "users:write", "users:read");
        var (_, second) = await RunAsync([], "new-api-key", "crm", "users:write");

        exitCode.ShouldBe(0, output);
        var key = KeyLine().Match(output).Groups["key"].Value;
        key.ShouldMatch("^rsk_[A-Za-z0-9_-]{43}$");
        output.ShouldContain("InternalApi__Keys__N__Id=crm");
        output.ShouldContain($"InternalApi__Keys__N__Hash={ApiKey.HashOf(key)}");
        output.ShouldContain("InternalApi__Keys__N__Scopes__0=users:write");
        output.ShouldContain("InternalApi__Keys__N__Scopes__1=users:read");
        KeyLine().Match(second).Groups["key"].Value.ShouldNotBe(key);
    }

    [Theory]
    [InlineData("new-api-key")]
    [InlineData("new-api-key", "crm")]
    [InlineData("new-api-key", "CRM!", "users:read")]
    [InlineData("new-api-key", "crm", "users:everything")]
    public async Task New_api_key_without_a_usable_id_and_scopes_prints_its_usage(params string[] arguments)
    {
        var (exitCode, output) = await RunAsync([], arguments);

        exitCode.ShouldBe(64);
        output.ShouldContain("usage: dotnet Reset.Api.dll new-api-key ID SCOPE");
        output.ShouldNotContain("rsk_");
    }

    [Fact]
    public async Task Key_settings_the_service_cannot_use_stop_it_naming_each_and_quoting_no_hash()
    {
        var pastedKey = ApiKey.New();

        var (exitCode, output) = await RunAsync(new()
        {
            ["ConnectionStrings__Postgres"] = "Host=127.0.0.1;Database=reset",
            ["ConnectionStrings__Redis"] = "127.0.0.1:6379",
            ["InternalApi__Keys__0__Id"] = "crm",
            ["InternalApi__Keys__0__Hash"] = pastedKey,
            ["InternalApi__Keys__0__Scopes__0"] = "users:write",
            ["InternalApi__Keys__1__Id"] = "crm",
            ["InternalApi__Keys__1__Hash"] = ApiKey.HashOf(ApiKey.New()),
            ["InternalApi__Keys__1__Scopes__0"] = "users:everything",
            ["InternalApi__Keys__2__Id"] = "reports",
            ["InternalApi__Keys__2__Hash"] = ApiKey.HashOf(ApiKey.New()),
        }, "--urls", "http://127.0.0.1:0");

        exitCode.ShouldBe(78);
        output.ShouldContain("InternalApi__Keys__0__Hash (InternalApi:Keys:0:Hash) must be the key's SHA-256 in hex");
        output.ShouldContain("InternalApi__Keys__1__Id (InternalApi:Keys:1:Id) 'crm' names another key too");
        output.ShouldContain("InternalApi__Keys__1__Scopes__0 (InternalApi:Keys:1:Scopes:0) must be one of");
        output.ShouldContain("InternalApi__Keys__2__Scopes__0 (InternalApi:Keys:2:Scopes:0) is missing");
        output.ShouldNotContain(pastedKey);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(Dictionary<string, string> settings, params string[] arguments)
    {
        using var process = Process.Start(ServiceProcess.StartInfo("Development", settings, arguments))!;
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
            throw new TimeoutException("The service ran on instead of exiting.");
        }

        return (process.ExitCode, await output + await error);
    }

    [GeneratedRegex(@"^\s+(?<key>rsk_\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex KeyLine();
}

using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Reset.Tests.Fixtures;

/// <summary>Starts PostgreSQL and Redis through scripts/servers.sh, the same way ./test.sh does.</summary>
internal static class ScriptServers
{
    public static async Task<(string Postgres, string Redis)> StartAsync()
    {
        var script = Path.Combine(RepoRoot.Path, "scripts", "servers.sh");
        await RunAsync(script, "start");
        var env = await RunAsync(script, "env");
        string Value(string name) => ExportLine(name).Match(env) is { Success: true } match
            ? match.Groups["value"].Value
            : throw new InvalidOperationException($"scripts/servers.sh env printed no {name}.");
        return (Value("ConnectionStrings__Postgres"), Value("ConnectionStrings__Redis"));
    }

    private static Regex ExportLine(string name) => new($"^export {name}='(?<value>[^']*)'$", RegexOptions.Multiline);

    private static async Task<string> RunAsync(string script, string command)
    {
        var start = new ProcessStartInfo("bash", [script, command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The same folder and ports as ./test.sh, so a test run never touches ./run.sh's servers.
        start.Environment["RESET_VAR_DIR"] = Environment.GetEnvironmentVariable("RESET_VAR_DIR") ?? Path.Combine(RepoRoot.Path, "var", "test");
        start.Environment["RESET_PG_PORT"] = Environment.GetEnvironmentVariable("RESET_PG_PORT") ?? TestPorts.Postgres;
        start.Environment["RESET_REDIS_PORT"] = Environment.GetEnvironmentVariable("RESET_REDIS_PORT") ?? TestPorts.Redis;
        start.Environment["RESET_PG_DATABASE"] = Environment.GetEnvironmentVariable("RESET_PG_DATABASE") ?? "reset_test";
        start.Environment["RESET_SERVERS_FAST"] = "1";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/servers.sh {command} failed ({process.ExitCode}): {await error}");
        }

        return await output;
    }
}

/// <summary>The ports ./test.sh gives its servers (./run.sh uses 55432 and 56379).</summary>
internal static class TestPorts
{
    public const string Postgres = "55442";
    public const string Redis = "56389";
}

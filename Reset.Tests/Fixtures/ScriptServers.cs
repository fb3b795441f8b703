using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Reset.Tests.Fixtures;

/// <summary>Starts PostgreSQL and Redis through scripts/servers.sh, the same way ./test.sh does.</summary>
internal static class ScriptServers
{
    public static async Task<(string Postgres, string Redis)> StartAsync()
    {
        // The same folder and ports as ./test.sh, so a test run never touches ./run.sh's servers.
        var environment = new Dictionary<string, string>
        {
            ["RESET_VAR_DIR"] = Environment.GetEnvironmentVariable("RESET_VAR_DIR") ?? Path.Combine(RepoRoot.Path, "var", "test"),
            ["RESET_PG_PORT"] = Environment.GetEnvironmentVariable("RESET_PG_PORT") ?? TestPorts.Postgres,
            ["RESET_REDIS_PORT"] = Environment.GetEnvironmentVariable("RESET_REDIS_PORT") ?? TestPorts.Redis,
            ["RESET_PG_DATABASE"] = Environment.GetEnvironmentVariable("RESET_PG_DATABASE") ?? "reset_test",
            ["RESET_SERVERS_FAST"] = "1",
        };
        await RunAsync(environment, "start");
        var env = await RunAsync(environment, "env");
        return (ExportedValue(env, "ConnectionStrings__Postgres"), ExportedValue(env, "ConnectionStrings__Redis"));
    }

    /// <summary>Starts the three-master Redis Cluster of scripts/servers.sh; returns its configuration string.</summary>
    public static async Task<string> StartRedisClusterAsync()
    {
        var environment = new Dictionary<string, string>
        {
            ["RESET_VAR_DIR"] = Environment.GetEnvironmentVariable("RESET_VAR_DIR") ?? Path.Combine(RepoRoot.Path, "var", "test"),
            ["RESET_REDIS_CLUSTER_PORT"] = Environment.GetEnvironmentVariable("RESET_REDIS_CLUSTER_PORT") ?? TestPorts.RedisCluster,
        };
        await RunAsync(environment, "start", "redis-cluster");
        return ExportedValue(await RunAsync(environment, "env", "redis-cluster"), "RESET_REDIS_CLUSTER");
    }

    /// <summary>The value of one <c>export NAME='value'</c> line that <c>servers.sh env</c> printed.</summary>
    public static string ExportedValue(string env, string name) =>
        new Regex($"^export {name}='(?<value>[^']*)'$", RegexOptions.Multiline).Match(env) is { Success: true } match
            ? match.Groups["value"].Value
            : throw new InvalidOperationException($"scripts/servers.sh env printed no {name}.");

    /// <summary>Runs scripts/servers.sh with these arguments and variables; returns what it printed, or throws with its errors.</summary>
    public static async Task<string> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepoRoot.Path, "scripts", "servers.sh"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/servers.sh {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
        }

        return await output;
    }
}

/// <summary>The ports ./test.sh gives its servers (./run.sh uses 55432 and 56379).</summary>
internal static class TestPorts
{
    public const string Postgres = "55442";
    public const string Redis = "56389";

    /// <summary>The first of six: three cluster nodes, then their bus ports.</summary>
    public const string RedisCluster = "56391";
}

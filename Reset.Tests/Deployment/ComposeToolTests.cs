using System.Diagnostics;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Deployment;

/// <summary>
/// docker-compose.yml as Docker Compose itself reads it: Debian's docker-compose 1.29 (./test.sh
/// installs it) checks the file against the Compose schema and interpolates it, with no engine.
/// The variables come from an env file of the test's own, never from a developer's .env.
/// </summary>
public sealed class ComposeToolTests
{
    [Fact]
    public async Task Docker_Compose_accepts_the_file_with_the_env_files_variables_set()
    {
        var envFile = Path.GetTempFileName();
        try
        {
            var required = File.ReadAllLines(ComposeFile.EnvExamplePath).Where(line => line.Length > 0 && !line.StartsWith('#')).Select(line => line.Split('=')[0]);
            await File.WriteAllLinesAsync(envFile, required.Select(name => $"{name}={ServiceSettings.StandInFor(name)}"), TestContext.Current.CancellationToken);

            var (exitCode, output) = await ConfigAsync(envFile);

            exitCode.ShouldBe(0, output);
        }
        finally
        {
            File.Delete(envFile);
        }
    }

    [Fact]
    public async Task Without_the_env_file_Docker_Compose_refuses_naming_a_missing_secret()
    {
        var emptyEnvFile = Path.GetTempFileName();
        try
        {
            var (exitCode, output) = await ConfigAsync(emptyEnvFile);

            exitCode.ShouldNotBe(0);
            output.ShouldContain("in .env");
        }
        finally
        {
            File.Delete(emptyEnvFile);
        }
    }

    private static async Task<(int ExitCode, string Output)> ConfigAsync(string envFile)
    {
        var start = new ProcessStartInfo("docker-compose", ["--env-file", envFile, "-f", ComposeFile.FilePath, "config", "-q"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoRoot.Path,
        };
        foreach (var name in new[] { "POSTGRES_PASSWORD", "RESET_HMAC_KEY", "RESET_HUMAN_CHECK_SECRET" })
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
    }
}

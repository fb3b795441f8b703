using System.Diagnostics;
using System.Text;

namespace Reset.Tests.Contract;

/// <summary>Runs a command-line tool the way CI does and keeps everything it printed, for the failure message.</summary>
internal static class Tool
{
    public static async Task<ToolRun> RunAsync(string workingDirectory, string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start(); // no npm or dotnet on PATH: throws, and the test fails
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within 3 minutes:\n{output}");
        }

        process.WaitForExit(); // flushes the asynchronous readers
        return new ToolRun($"{fileName} {string.Join(' ', arguments)}", process.ExitCode, output.ToString());
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}

internal sealed record ToolRun(string Command, int ExitCode, string Output)
{
    public void ShouldSucceed() => ExitCode.ShouldBe(0, $"`{Command}` exited {ExitCode}:\n{Output}");
}

using System.Diagnostics;
using System.Text.Json;
using Reset.Tests.Fixtures;

namespace Reset.Tests.HumanCheck;

/// <summary>
/// Runs node/solve.mjs: the reference altcha-lib (npm, pinned by node/package-lock.json) solves a
/// challenge and builds the widget's payload. ./test.sh installs it with npm ci; without it these
/// tests fail, they never skip.
/// </summary>
internal static class AltchaReferenceSolver
{
    private static readonly string Folder = Path.Combine(RepoRoot.Path, "Reset.Tests", "HumanCheck", "node");

    /// <param name="challengeJson">The challenge as the challenge endpoint sends it.</param>
    /// <param name="secret">When given, altcha-lib's verifySolution also checks the challenge with it.</param>
    public static async Task<SolvedByReference> SolveAsync(string challengeJson, string? secret = null)
    {
        if (!Directory.Exists(Path.Combine(Folder, "node_modules", "altcha-lib")))
        {
            throw new InvalidOperationException(
                "altcha-lib is not installed. ./test.sh installs it; by hand: npm ci --prefix Reset.Tests/HumanCheck/node");
        }

        var start = new ProcessStartInfo("node", [Path.Combine(Folder, "solve.mjs")])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Folder,
        };
        if (secret is not null)
        {
            start.Environment["ALTCHA_HMAC_SECRET"] = secret;
        }

        var ct = TestContext.Current.CancellationToken;
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(challengeJson.AsMemory(), ct);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("node solve.mjs did not finish within 90 s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node solve.mjs failed ({process.ExitCode}): {await error}");
        }

        using var result = JsonDocument.Parse(await output);
        var root = result.RootElement;
        var verified = root.GetProperty("referenceVerified");
        return new SolvedByReference(
            root.GetProperty("payload").GetString()!,
            root.GetProperty("solution").GetProperty("counter").GetUInt32(),
            root.GetProperty("solution").GetProperty("time").GetDouble(),
            verified.ValueKind == JsonValueKind.Null ? null : verified.GetBoolean());
    }
}

/// <param name="Payload">The widget's base64 payload: the humanCheckToken a client sends.</param>
/// <param name="SolveMilliseconds">altcha-lib's own measure of its solveChallenge, one thread.</param>
/// <param name="ReferenceVerified">altcha-lib's verifySolution verdict, when a secret was given.</param>
internal sealed record SolvedByReference(string Payload, uint Counter, double SolveMilliseconds, bool? ReferenceVerified);

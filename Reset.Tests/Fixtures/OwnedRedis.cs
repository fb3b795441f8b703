using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Reset.Tests.Fixtures;

/// <summary>
/// A Redis server of this test's own (Debian's redis-server, which ./test.sh installs), with AOF on,
/// that the test may stop and start again: the shared test Redis must never go down under other tests.
/// </summary>
public sealed class OwnedRedis : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "reset-tests-redis-" + Guid.NewGuid().ToString("N"));
    private readonly string[] _arguments;
    private Process? _server;

    /// <param name="extraArguments">More redis-server options, e.g. <c>--replicaof 127.0.0.1 6379</c>.</param>
    public OwnedRedis(params string[] extraArguments)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        Directory.CreateDirectory(_folder);
        var port = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _arguments = ["--port", port, "--bind", "127.0.0.1", "--dir", _folder, "--appendonly", "yes", "--save", "", "--daemonize", "no", .. extraArguments];
    }

    private OwnedRedis(Func<OwnedRedis, string[]> arguments)
        : this()
    {
        _arguments = arguments(this);
    }

    /// <summary>
    /// A Sentinel (redis-server in sentinel mode, no other package) that watches the master on that port
    /// as <paramref name="serviceName"/>, alone (quorum 1), and calls it down after a second of silence.
    /// </summary>
    public static OwnedRedis Sentinel(int masterPort, string serviceName) => new(sentinel =>
    {
        // Sentinel rewrites its configuration file as it learns, so the file lives in its own folder.
        var configuration = Path.Combine(sentinel._folder, "sentinel.conf");
        File.WriteAllLines(configuration,
        [
            $"port {sentinel.Port}",
            "bind 127.0.0.1",
            $"dir {sentinel._folder}",
            $"sentinel monitor {serviceName} 127.0.0.1 {masterPort} 1",
            $"sentinel down-after-milliseconds {serviceName} 1000",
            $"sentinel failover-timeout {serviceName} 10000",
        ]);
        return [configuration, "--sentinel"];
    });

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public async Task StartAsync()
    {
        await EnsureInstalledAsync();
        _server = Process.Start(new ProcessStartInfo("redis-server", _arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("redis-server did not start");
        _ = _server.StandardOutput.ReadToEndAsync();
        _ = _server.StandardError.ReadToEndAsync();
        for (var i = 0; i < 50; i++)
        {
            if (await AnswersAsync())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"redis-server on port {Port} did not answer");
    }

    /// <summary>SHUTDOWN, as an operator restarting it would: Redis writes its AOF and exits.</summary>
    public async Task StopAsync()
    {
        if (_server is null)
        {
            return;
        }

        using var cli = Process.Start(new ProcessStartInfo("redis-cli", ["-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "shutdown"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        await cli.WaitForExitAsync();
        await _server.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        _server.Dispose();
        _server = null;
    }

    /// <summary>SIGSTOP: the server keeps its connections open and answers nothing, as a hung host does.</summary>
    public Task PauseAsync() => SignalAsync("STOP");

    /// <summary>SIGCONT: the paused server goes on where it stopped.</summary>
    public Task ResumeAsync() => SignalAsync("CONT");

    private async Task SignalAsync(string signal)
    {
        var pid = (_server ?? throw new InvalidOperationException("redis-server is not running")).Id;
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))!;
        await kill.WaitForExitAsync();
        kill.ExitCode.ShouldBe(0);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            // A paused server would ignore nothing but SIGKILL; resume it first so it can be killed cleanly.
            await ResumeAsync();
            _server.Kill();
            await _server.WaitForExitAsync();
        }

        _server?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Where the servers came from elsewhere (the environment, Testcontainers), redis-server may be missing: install it.</summary>
    private static async Task EnsureInstalledAsync()
    {
        if (File.Exists("/usr/bin/redis-server") || File.Exists("/usr/local/bin/redis-server"))
        {
            return;
        }

        using var install = Process.Start(new ProcessStartInfo("bash", [Path.Combine(RepoRoot.Path, "scripts", "servers.sh"), "install"]))!;
        await install.WaitForExitAsync();
    }

    private async Task<bool> AnswersAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return read > 0 && buffer[0] == (byte)'+';
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

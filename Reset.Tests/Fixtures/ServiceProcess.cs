using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Reset.Tests.Fixtures;

/// <summary>
/// The built service binary run as a process of its own, as an operator or a container runs it, for
/// what only a real process shows: start-up refusals, exit codes, the health probe, signals.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TestServers _servers;
    private readonly string _database;
    private readonly bool _ownsDatabase;
    private readonly string _mailFolder;
    private readonly StringBuilder _output = new();

    private ServiceProcess(Process process, int port, int metricsPort, TestServers servers, string database, bool ownsDatabase, string mailFolder)
    {
        _process = process;
        Port = port;
        MetricsPort = metricsPort;
        _servers = servers;
        _database = database;
        _ownsDatabase = ownsDatabase;
        _mailFolder = mailFolder;
    }

    public static string ApiBinary => Path.Combine(RepoRoot.Path, "Reset.Api", "bin", BuildConfiguration, "net10.0", "Reset.Api.dll");

    public int Port { get; }

    /// <summary>The management port, where /metrics answers (Metrics__Port), as a scraper reaches it.</summary>
    public int MetricsPort { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>What the service wrote to stdout and stderr so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The service's database: its own, or the shared one it was given.</summary>
    public string Postgres => _database;

    /// <summary>
    /// Starts the service (in Development unless told otherwise) on a free loopback port, /metrics on
    /// another (its management port, as in Production, so several instances never share 9090), with a
    /// database of its own, and returns once /health/live answers. Several instances of one
    /// service share a database: pass <paramref name="sharedDatabase"/>, which this process then
    /// neither creates nor drops.
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(
        Dictionary<string, string>? settings = null, string environment = "Development", string? sharedDatabase = null)
    {
        var servers = await TestServers.GetAsync();
        var database = sharedDatabase ?? await servers.CreateDatabaseAsync();
        var mailFolder = Path.Combine(Path.GetTempPath(), "reset-tests-mail-" + Guid.NewGuid().ToString("N"));
        var port = FreePort();
        var all = new Dictionary<string, string>(settings ?? [])
        {
            ["ConnectionStrings__Postgres"] = database,
            ["ConnectionStrings__Redis"] = servers.Redis,
            ["Email__PickupDirectory"] = mailFolder,
        };
        // Code e-mails at once unless a test says otherwise: these tests wait for them.
        all.TryAdd("Email__Outbox__SendJitter", "00:00:00");
        if (!all.TryGetValue("Metrics__Port", out var metricsPort))
        {
            metricsPort = all["Metrics__Port"] = FreePort().ToString(CultureInfo.InvariantCulture);
        }

        var start = StartInfo(environment, all, "--urls", $"http://127.0.0.1:{port}");
        var service = new ServiceProcess(new Process { StartInfo = start }, port, int.Parse(metricsPort, CultureInfo.InvariantCulture), servers, database,
            ownsDatabase: sharedDatabase is null, mailFolder);
        try
        {
            service.Start();
            await service.WaitUntilLiveAsync();
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    /// <summary>How to run the binary with exactly these settings: nothing inherited from the test run's configuration.</summary>
    public static ProcessStartInfo StartInfo(string environment, Dictionary<string, string> settings, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [ApiBinary, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(ApiBinary)!,
        };
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

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>SIGTERM, what `docker stop` and Kubernetes send. `dotnet Reset.Api.dll` runs in this very process id.</summary>
    public async Task SendSigtermAsync()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", ProcessId.ToString(CultureInfo.InvariantCulture)]))!;
        await kill.WaitForExitAsync();
        kill.ExitCode.ShouldBe(0, $"kill -TERM {ProcessId} failed");
    }

    /// <summary>True when the process ended within the timeout.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        if (_ownsDatabase)
        {
            await _servers.DropDatabaseAsync(_database);
        }

        if (Directory.Exists(_mailFolder))
        {
            Directory.Delete(_mailFolder, recursive: true);
        }
    }

    private void Start()
    {
        // Drained as it comes, so a full pipe never blocks the service's logging.
        _process.OutputDataReceived += (_, line) => Append(line.Data);
        _process.ErrorDataReceived += (_, line) => Append(line.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private Task WaitUntilLiveAsync() => WaitUntilAnswersAsync("/health/live", TimeSpan.FromSeconds(2));

    /// <summary>
    /// Until /health/ready answers 200, as a load balancer's health check waits: PostgreSQL and Redis
    /// connected, so a test's first requests do not pay for that.
    /// </summary>
    public Task WaitUntilReadyAsync() => WaitUntilAnswersAsync("/health/ready", TimeSpan.FromSeconds(10));

    private async Task WaitUntilAnswersAsync(string path, TimeSpan requestTimeout)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = requestTimeout };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30) && !_process.HasExited)
        {
            try
            {
                using var answer = await http.GetAsync(new Uri(path, UriKind.Relative));
                if (answer.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening, or not ready, yet.
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"The service did not answer {path} on port {Port}. Its output:\n{Output}");
    }

#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Reset.Tests.Fixtures;

/// <summary>
/// Debian's nginx as a reverse proxy in front of several instances of the service, round robin, the
/// way an operator would put it: a child process with its own config, pid, logs and temp folders in
/// a folder of its own, stopped by its PID. Each answer names the instance that gave it in
/// <see cref="UpstreamHeader"/>, so a test can tell where every request landed.
/// </summary>
public sealed class Nginx : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/nginx";

    /// <summary>The response header holding <c>$upstream_addr</c>: "127.0.0.1:port" of the instance that answered.</summary>
    public const string UpstreamHeader = "X-Upstream";

    private readonly Process _process;
    private readonly string _folder;

    private Nginx(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public int ProcessId => _process.Id;

    /// <summary>The config this nginx runs, for failure messages and for the README's example.</summary>
    public string Config => File.ReadAllText(Path.Combine(_folder, "nginx.conf"));

    public string ErrorLog => File.Exists(Path.Combine(_folder, "error.log")) ? File.ReadAllText(Path.Combine(_folder, "error.log")) : string.Empty;

    /// <summary>Installs nginx from Debian's package when it is missing, then starts it in front of these ports.</summary>
    public static async Task<Nginx> StartAsync(IEnumerable<int> upstreamPorts)
    {
        if (!File.Exists(Binary))
        {
            await ScriptServers.RunAsync(new Dictionary<string, string>(), "install", "nginx");
        }

        // Not CreateTempSubdirectory, which is private to its owner: workers drop to nobody when the
        // master runs as root, and they must reach the temp folders inside.
        var folder = Path.Combine(Path.GetTempPath(), "reset-tests-nginx-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var port = ServiceProcess.FreePort();
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), ConfigFor(folder, port, upstreamPorts));
        var start = new ProcessStartInfo(Binary, ["-c", Path.Combine(folder, "nginx.conf"), "-p", folder + "/", "-e", Path.Combine(folder, "error.log")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var nginx = new Nginx(Process.Start(start)!, folder, port);
        try
        {
            await nginx.WaitUntilListeningAsync();
            return nginx;
        }
        catch
        {
            await nginx.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// One upstream, plain round robin. The zone shares the round robin's position between worker
    /// processes, so consecutive requests go to consecutive instances whichever worker takes them.
    /// Connections to the instances are not kept alive; with keepalive they would still be picked
    /// round robin per request, as nginx chooses the instance before it looks for an idle connection.
    /// X-Forwarded-For gets the address nginx saw appended, which the service believes because the
    /// request comes from 127.0.0.1, its trusted proxy.
    /// </summary>
    public static string ConfigFor(string folder, int port, IEnumerable<int> upstreamPorts)
    {
        var servers = string.Join('\n', upstreamPorts.Select(p => string.Create(CultureInfo.InvariantCulture, $"        server 127.0.0.1:{p};")));
        return string.Create(CultureInfo.InvariantCulture, $$"""
        daemon off;
        master_process on;
        worker_processes 2;
        pid {{folder}}/nginx.pid;
        error_log {{folder}}/error.log warn;

        events {
            worker_connections 512;
        }

        http {
            access_log {{folder}}/access.log;
            client_body_temp_path {{folder}}/client_body;
            proxy_temp_path {{folder}}/proxy;
            fastcgi_temp_path {{folder}}/fastcgi;
            uwsgi_temp_path {{folder}}/uwsgi;
            scgi_temp_path {{folder}}/scgi;

            upstream reset_service {
                zone reset_service 64k;
        {{servers}}
            }

            server {
                listen 127.0.0.1:{{port}};

                location / {
                    proxy_pass http://reset_service;
                    proxy_set_header Host $host;
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    proxy_set_header X-Forwarded-Proto $scheme;
                    add_header {{UpstreamHeader}} $upstream_addr always;
                }
            }
        }
        """);
    }

    /// <summary>
    /// A client of this nginx whose connections come from <paramref name="source"/>, any address of
    /// 127.0.0.0/8: that is the address nginx forwards, so each source is a client of its own.
    /// </summary>
    public HttpClient ClientFrom(IPAddress source) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    {
        BaseAddress = new Uri($"http://127.0.0.1:{Port}"),
    };

    /// <summary>The instance's port an answer came from, read from <see cref="UpstreamHeader"/>.</summary>
    public static int UpstreamOf(HttpResponseMessage response)
    {
        var upstream = response.Headers.TryGetValues(UpstreamHeader, out var values) ? values.Single() : null;
        upstream.ShouldNotBeNull($"nginx names no upstream (status {(int)response.StatusCode})");
        // "127.0.0.1:5000", or "127.0.0.1:5000, 127.0.0.1:5001" when nginx had to try a second one.
        upstream.ShouldNotContain(",", customMessage: "nginx had to retry on another instance");
        return int.Parse(upstream[(upstream.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM: the master stops its workers and exits. Only if it hangs, the whole tree is killed.
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))!;
            await kill.WaitForExitAsync();
            try
            {
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (TimeoutException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(15) && !_process.HasExited)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"nginx did not listen on port {Port}. Its error log:\n{ErrorLog}\nIts config:\n{Config}");
    }
}

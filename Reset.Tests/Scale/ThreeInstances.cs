using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Reset.Tests.Fixtures;
using Reset.Tests.HumanCheck;

namespace Reset.Tests.Scale;

/// <summary>
/// Three processes of the built service behind nginx, deployed as an operator would deploy them, in
/// Production: one PostgreSQL database, one Redis, one SMTP relay, and the same secrets; nothing else
/// shared, no sticky sessions. The secrets are new for each run, so this run's rate-limit counters
/// (keyed by an HMAC of the client address) are its own in the Redis that the whole suite shares.
/// </summary>
public sealed class ThreeInstances : IAsyncLifetime
{
    /// <summary>StartPerClient's limit here; every other limit is lifted.</summary>
    public const int StartsPerClient = 5;

    private readonly List<ServiceProcess> _instances = [];
    private TestServers _servers = null!;
    private int _clients;
    private int _disposed;

    public SmtpCatcher Smtp { get; } = new();

    public IReadOnlyList<ServiceProcess> Instances => _instances;

    public Nginx Nginx { get; private set; } = null!;

    /// <summary>The one database the three instances share.</summary>
    public string Postgres { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _servers = await TestServers.GetAsync();
        Postgres = await _servers.CreateDatabaseAsync();
        try
        {
            await StartAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync()
    {
        var settings = Settings();
        var starting = Enumerable.Range(0, 3).Select(_ => ServiceProcess.StartAsync(new(settings), "Production", sharedDatabase: Postgres)).ToList();
        try
        {
            await Task.WhenAll(starting);
        }
        finally
        {
            // Kept even when one failed, so DisposeAsync stops the others.
            _instances.AddRange(starting.Where(s => s.IsCompletedSuccessfully).Select(s => s.Result));
        }

        await Task.WhenAll(_instances.Select(instance => instance.WaitUntilReadyAsync()));
        Nginx = await Nginx.StartAsync(_instances.Select(i => i.Port));
        // The database is a copy of the test template, which may hold messages of earlier runs: let
        // the dispatchers settle them first, so the counters the tests read move by their own mail only.
        for (var i = 0; i < 300 && !await StoredRows.OutboxSettledAsync(Postgres); i++)
        {
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (Nginx is not null)
        {
            await Nginx.DisposeAsync();
        }

        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        await Smtp.DisposeAsync();
        if (Postgres is not null)
        {
            await _servers.DropDatabaseAsync(Postgres);
        }
    }

    /// <summary>
    /// A client of nginx from an address of 127.0.0.0/8 that no other client of this run uses: a
    /// customer at a machine of their own, as far as the service can tell.
    /// </summary>
    public (HttpClient Client, IPAddress Address) NewClient()
    {
        var n = Interlocked.Increment(ref _clients);
        var address = new IPAddress([127, 0, (byte)(1 + (n / 250)), (byte)(1 + (n % 250))]);
        return (Nginx.ClientFrom(address), address);
    }

    /// <summary>The instance that listens on this port.</summary>
    public ServiceProcess InstanceOn(int port) => _instances.Single(i => i.Port == port);

    /// <summary>What one instance itself answers at /metrics on its management port, past nginx.</summary>
    public async Task<string> MetricsOfAsync(ServiceProcess instance)
    {
        using var http = new HttpClient();
        return await http.GetStringAsync(new Uri($"http://127.0.0.1:{instance.MetricsPort}/metrics"), TestContext.Current.CancellationToken);
    }

    /// <summary>A human-check token: a challenge fetched through nginx (from whichever instance is next) and solved.</summary>
    public static async Task<(string Token, HttpResponseMessage Answer)> HumanCheckTokenAsync(HttpClient client)
    {
        var answer = await ChallengeAsync(client);
        return (await SolveAsync(answer), answer);
    }

    public static Task<HttpResponseMessage> ChallengeAsync(HttpClient client) =>
        client.GetAsync(new Uri("/api/v1/human-check/challenge", UriKind.Relative), TestContext.Current.CancellationToken);

    /// <summary>The token the widget would send for the challenge in this answer.</summary>
    public static async Task<string> SolveAsync(HttpResponseMessage answer)
    {
        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        return AltchaTokens.TokenFor(await answer.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken));
    }

    /// <summary>What every instance is given. The secrets must be the same on all of them, or a code
    /// made on one would not verify on another, nor a challenge one issued.</summary>
    private Dictionary<string, string> Settings()
    {
        var settings = ResetApp.LiftedRateLimits().ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        settings["RateLimits__StartPerClient__Limit"] = StartsPerClient.ToString(CultureInfo.InvariantCulture);
        settings["RateLimits__StartPerClient__Window"] = "00:10:00";
        settings["Secrets__HmacKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        settings["HumanCheck__Provider"] = "altcha";
        settings["HumanCheck__Secret"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        settings["HumanCheck__Altcha__Cost"] = AltchaApp.Cost.ToString(CultureInfo.InvariantCulture);
        settings["HumanCheck__Altcha__MaxCounter"] = AltchaApp.MaxCounter.ToString(CultureInfo.InvariantCulture);
        settings["Network__TrustedProxies__0"] = "127.0.0.1";
        settings["Email__Smtp__Host"] = "127.0.0.1";
        settings["Email__Smtp__Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture);
        settings["Email__Smtp__Security"] = "None";
        // Often, so that the dispatchers of all three instances race for every message.
        settings["Email__Outbox__PollInterval"] = "00:00:00.200";
        return settings;
    }
}

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Reset.Tests.Fixtures;

/// <summary>
/// The real service, in process, against the real PostgreSQL and Redis of <see cref="TestServers"/>.
/// Settings that a test changes go through <see cref="Settings"/>, the same keys an operator sets.
/// </summary>
public class ResetApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string TestHmacKey = "dGVzdC1vbmx5LWhtYWMta2V5LXRoaXJ0eS10d28tYnl0ZXMhIQ==";

    public string MailFolder { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "reset-tests-mail-" + Guid.NewGuid().ToString("N"));

    public TestServers Servers { get; private set; } = null!;

    /// <summary>This instance's own database, a copy of the migrated test database.</summary>
    public string Postgres { get; private set; } = null!;

    /// <summary>
    /// A database this instance neither creates nor drops: another instance's, to play several instances
    /// of the service on one store, or one on a server the test owns (<see cref="OwnedPostgres"/>).
    /// </summary>
    public string? SharedDatabase { get; init; }

    /// <summary>Configuration on top of appsettings.json, as environment variables would give it.</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    /// <summary>
    /// Development by default: the only environment that lets the disabled human check these tests
    /// play through (every other refuses it, see DevelopmentShortcuts).
    /// </summary>
    public string EnvironmentName { get; init; } = "Development";

    /// <summary>
    /// The peer address requests arrive from (the in-process test server has none). A request can
    /// name another with the X-Test-Peer header, to play many clients or a proxy.
    /// </summary>
    public IPAddress PeerAddress { get; set; } = IPAddress.Loopback;

    public const string PeerHeader = "X-Test-Peer";

    public virtual async ValueTask InitializeAsync()
    {
        Servers = await TestServers.GetAsync();
        Postgres = SharedDatabase ?? await Servers.CreateDatabaseAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Postgres is not null && SharedDatabase is null)
        {
            await Servers.DropDatabaseAsync(Postgres);
        }

        if (Directory.Exists(MailFolder))
        {
            Directory.Delete(MailFolder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = Postgres,
            ["ConnectionStrings:Redis"] = Servers.Redis,
            ["Secrets:HmacKey"] = TestHmacKey,
            ["HumanCheck:Provider"] = "disabled",
            ["Email:PickupDirectory"] = MailFolder,
            // Code e-mails at once, so tests need not wait for the dispatcher's jitter and poll.
            ["Email:Outbox:SendJitter"] = "00:00:00",
        };
        // The suite starts hundreds of tickets from one address: limits are lifted here, and the
        // rate-limit tests set their own.
        foreach (var (key, value) in LiftedRateLimits())
        {
            settings[key] = value;
        }

        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        // Added after appsettings*.json and the environment, so these win.
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings));
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new PeerAddressFilter(this)));
    }

    /// <summary>Every rate limit at a million a minute, as configuration keys.</summary>
    public static IEnumerable<KeyValuePair<string, string>> LiftedRateLimits() =>
        new Reset.Infrastructure.RateLimiting.RateLimitOptions().All().Select(policy => policy.Name)
            .SelectMany(policy => new KeyValuePair<string, string>[]
            {
                new($"RateLimits:{policy}:Limit", "1000000"),
                new($"RateLimits:{policy}:Window", "00:01:00"),
            });

    /// <summary>Sets the connection's peer address before anything else in the pipeline looks at it.</summary>
    private sealed class PeerAddressFilter(ResetApp app) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            builder.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = context.Request.Headers.TryGetValue(PeerHeader, out var peer)
                    ? IPAddress.Parse(peer.ToString())
                    : app.PeerAddress;
                return nextMiddleware(context);
            });
            next(builder);
        };
    }
}

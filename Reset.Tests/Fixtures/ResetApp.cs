using Microsoft.AspNetCore.Hosting;
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

    private readonly string _mailFolder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "reset-tests-mail-" + Guid.NewGuid().ToString("N"));

    public TestServers Servers { get; private set; } = null!;

    /// <summary>Configuration on top of appsettings.json, as environment variables would give it.</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    public string EnvironmentName { get; init; } = "Testing";

    public virtual async ValueTask InitializeAsync()
    {
        Servers = await TestServers.GetAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_mailFolder))
        {
            Directory.Delete(_mailFolder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = Servers.Postgres,
            ["ConnectionStrings:Redis"] = Servers.Redis,
            ["Secrets:HmacKey"] = TestHmacKey,
            ["HumanCheck:Provider"] = "disabled",
            ["Email:PickupDirectory"] = _mailFolder,
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        // Added after appsettings*.json and the environment, so these win.
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings));
    }
}

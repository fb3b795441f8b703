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

    public string MailFolder { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "reset-tests-mail-" + Guid.NewGuid().ToString("N"));

    public TestServers Servers { get; private set; } = null!;

    /// <summary>This instance's own database, a copy of the migrated test database.</summary>
    public string Postgres { get; private set; } = null!;

    /// <summary>Configuration on top of appsettings.json, as environment variables would give it.</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    public string EnvironmentName { get; init; } = "Testing";

    public virtual async ValueTask InitializeAsync()
    {
        Servers = await TestServers.GetAsync();
        Postgres = await Servers.CreateDatabaseAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Postgres is not null)
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
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        // Added after appsettings*.json and the environment, so these win.
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings));
    }
}

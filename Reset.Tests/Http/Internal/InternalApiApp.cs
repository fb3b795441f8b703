using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Reset.Api.ApiKeys;
using Reset.Tests.Fixtures;
using StackExchange.Redis;

namespace Reset.Tests.Http.Internal;

/// <summary>
/// The service with internal API keys configured the way an operator does (id, SHA-256, scopes), and
/// a Redis stream of its own for events, so each test class reads only what it caused.
/// </summary>
public class InternalApiApp : JourneyApp
{
    /// <summary>Every scope.</summary>
    public string OpsKey { get; } = ApiKey.New();

    /// <summary>users:write and users:read.</summary>
    public string CrmKey { get; } = ApiKey.New();

    /// <summary>users:read only.</summary>
    public string ReaderKey { get; } = ApiKey.New();

    /// <summary>support:read, support:write and resets:start.</summary>
    public string SupportKey { get; } = ApiKey.New();

    public string StreamKey { get; } = "reset:events:test:" + Guid.NewGuid().ToString("N");

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        AddKey(0, "ops", OpsKey, ApiScopes.All);
        AddKey(1, "crm", CrmKey, [ApiScopes.UsersWrite, ApiScopes.UsersRead]);
        AddKey(2, "reader", ReaderKey, [ApiScopes.UsersRead]);
        AddKey(3, "support-desk", SupportKey, [ApiScopes.SupportRead, ApiScopes.SupportWrite, ApiScopes.ResetsStart]);
        Settings["Events:StreamKey"] = StreamKey;
        Settings["Events:PollInterval"] = "00:00:00.050";
    }

    private void AddKey(int index, string id, string key, IReadOnlyList<string> scopes)
    {
        Settings[$"InternalApi:Keys:{index}:Id"] = id;
        Settings[$"InternalApi:Keys:{index}:Hash"] = ApiKey.HashOf(key);
        for (var i = 0; i < scopes.Count; i++)
        {
            Settings[$"InternalApi:Keys:{index}:Scopes:{i}"] = scopes[i];
        }
    }

    /// <summary>A client that sends the key as Authorization: Bearer, or no key at all.</summary>
    public HttpClient Client(string? key)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    /// <summary>Provisions a new active customer through PUT with an initial password; returns its id and e-mail.</summary>
    public async Task<(Guid Id, string Email)> ProvisionAsync(string? initialPassword = null)
    {
        var id = Guid.CreateVersion7();
        var email = $"provisioned.{id:N}@example.com";
        using var response = await Client(CrmKey).PutAsJsonAsync($"/internal/v1/users/{id}", new
        {
            email,
            memberId = "p" + id.ToString("N")[..20],
            locale = "uk",
            status = "active",
            initialPassword = initialPassword ?? "violet kettle drums at noon " + id.ToString("N")[..6],
        });
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (id, email);
    }

    /// <summary>The stream's entries, read as a consumer of a group does (XREADGROUP), until <paramref name="done"/> holds.</summary>
    public async Task<List<StreamEntry>> ReadStreamAsync(string group, Func<IReadOnlyList<StreamEntry>, bool> done, TimeSpan? timeout = null)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(Servers.Redis);
        var db = redis.GetDatabase();
        var read = new List<StreamEntry>();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!done(read))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The stream {StreamKey} did not deliver what the test waits for; read: " +
                    JsonSerializer.Serialize(read.Select(Fields)));
            }

            var entries = await db.StreamReadGroupAsync(StreamKey, group, "worker-1", ">", count: 100);
            if (entries.Length == 0)
            {
                await Task.Delay(50);
                continue;
            }

            read.AddRange(entries);
            await db.StreamAcknowledgeAsync(StreamKey, group, [.. entries.Select(e => e.Id)]);
        }

        return read;
    }

    /// <summary>XGROUP CREATE … $ MKSTREAM: a consumer group that sees what is added from now on.</summary>
    public async Task<string> NewConsumerGroupAsync()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(Servers.Redis);
        var group = "test-" + Guid.NewGuid().ToString("N")[..8];
        (await redis.GetDatabase().StreamCreateConsumerGroupAsync(StreamKey, group, StreamPosition.NewMessages, createStream: true)).ShouldBeTrue();
        return group;
    }

    public static Dictionary<string, string> Fields(StreamEntry entry) =>
        entry.Values.ToDictionary(v => v.Name.ToString(), v => v.Value.ToString());

    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
}

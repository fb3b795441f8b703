using System.Net;
using System.Net.Http.Json;
using Reset.Tests.Fixtures;
using Reset.Tests.Http;
using StackExchange.Redis;

namespace Reset.Tests.Faults;

/// <summary>
/// Redis full (at maxmemory, with the noeviction policy operators are told to set): what needs to write
/// there answers 503 dependency_unavailable with Retry-After, never a 500 or a hang, and no counter is
/// lost; once there is room again, the same request succeeds.
/// </summary>
public sealed class RedisAtMaxmemoryTests
{
    private static readonly string Start = "/api/v1/password-resets";

    [Fact]
    public async Task A_full_redis_answers_503_keeps_every_rate_limit_counter_and_serves_again_once_there_is_room()
    {
        await using var redis = new OwnedRedis("--maxmemory-policy", "noeviction");
        await redis.StartAsync();
        await using var app = new JourneyApp();
        await app.InitializeAsync();
        app.Settings["ConnectionStrings:Redis"] = redis.ConnectionString;
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(ResetApp.PeerHeader, "10.66.0.1");
        for (var i = 0; i < 3; i++)
        {
            (await StartAsync(client, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        await using var admin = await RedisTopology.ConnectAsAdminAsync(redis.ConnectionString);
        var counters = await CountersAsync(admin);
        counters.ShouldNotBeEmpty();
        await FillAsync(admin);

        using var full = await StartAsync(client, TestContext.Current.CancellationToken);

        var problem = await ProblemDetailsTests.ShouldBeProblemAsync(full, HttpStatusCode.ServiceUnavailable);
        problem.GetProperty("code").GetString().ShouldBe("dependency_unavailable");
        full.Headers.RetryAfter!.Delta!.Value.ShouldBeGreaterThan(TimeSpan.Zero);
        (await CountersAsync(admin)).ShouldBe(counters);

        await admin.GetServers()[0].ConfigSetAsync("maxmemory", "0");
        (await Retry.WhileUnavailableAsync("POST start, room again", ct => StartAsync(client, ct))).Status.ShouldBe(HttpStatusCode.Created);
    }

    private static Task<HttpResponseMessage> StartAsync(HttpClient client, CancellationToken ct) =>
        client.PostAsJsonAsync(Start, new { login = $"someone.{Guid.NewGuid():N}@example.com", humanCheckToken = "t" }, ct);

    /// <summary>Every rate-limit counter and its value.</summary>
    private static async Task<SortedDictionary<string, string>> CountersAsync(ConnectionMultiplexer redis)
    {
        // Sorted: SCAN gives keys in no fixed order, and the comparison is of contents.
        var counters = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (var key in redis.GetServers()[0].KeysAsync(pattern: "rl:*"))
        {
            counters[key.ToString()] = (await redis.GetDatabase().StringGetAsync(key)).ToString();
        }

        return counters;
    }

    /// <summary>
    /// Sets maxmemory a little above what Redis uses and writes filler until Redis refuses it (OOM). The
    /// limit then goes half a megabyte under what is used: a refused write's own buffer, freed a moment
    /// later, must not open room for the service's small writes and make the test depend on timing.
    /// </summary>
    private static async Task FillAsync(ConnectionMultiplexer redis)
    {
        var server = redis.GetServers()[0];
        await server.ConfigSetAsync("maxmemory", Invariant(await UsedMemoryAsync(server) + (2 << 20)));
        var filler = new string('x', 16 << 10);
        for (var i = 0; ; i++)
        {
            try
            {
                await redis.GetDatabase().StringSetAsync("filler:" + i, filler);
            }
            catch (RedisServerException full) when (full.Message.StartsWith("OOM", StringComparison.Ordinal))
            {
                break;
            }

            i.ShouldBeLessThan(1000, "Redis took 16 MiB of filler without reaching maxmemory");
        }

        await server.ConfigSetAsync("maxmemory", Invariant(await UsedMemoryAsync(server) - (512 << 10)));
    }

    private static async Task<long> UsedMemoryAsync(IServer server) => long.Parse(
        (await server.InfoAsync("memory")).SelectMany(group => group).Single(pair => pair.Key == "used_memory").Value,
        System.Globalization.CultureInfo.InvariantCulture);

    private static string Invariant(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

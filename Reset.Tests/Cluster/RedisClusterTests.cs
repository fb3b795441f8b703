using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Reset.Tests.Fixtures;
using StackExchange.Redis;

namespace Reset.Tests.Cluster;

/// <summary>
/// The service on a Redis Cluster of three masters really spreads its state over them, while each
/// ticket's keys stay together on one (its Lua scripts take several keys of one ticket).
/// ./test.sh's second pass runs the journey tests themselves on the same cluster.
/// </summary>
public sealed class RedisClusterTests(ClusterJourneyApp app) : IClassFixture<ClusterJourneyApp>
{
    [Fact]
    public async Task Tickets_spread_over_all_three_masters_while_each_tickets_keys_stay_on_one()
    {
        var redis = app.Services.GetRequiredService<IConnectionMultiplexer>();
        var masters = RedisTopology.Masters(redis);
        masters.Length.ShouldBe(3);
        masters.ShouldAllBe(server => server.ServerType == ServerType.Cluster);

        // 30 tickets: the chance that one master gets none of them is 3 × (2/3)^30, about 1 in 60,000.
        var tickets = new List<string>();
        for (var i = 0; i < 27; i++)
        {
            tickets.Add(await app.StartTicketAsync($"nobody.{Guid.NewGuid():N}@example.com"));
        }

        for (var i = 0; i < 3; i++)
        {
            var customer = await app.CreateCustomerAsync();
            var (ticketId, token) = await app.VerifiedTicketAsync(customer);
            (await app.SetPasswordAsync(ticketId, token, "violet kettle drums at noon")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
            tickets.Add(ticketId);
        }

        var mastersOfTicket = tickets.ToDictionary(id => id, _ => new HashSet<string>());
        foreach (var master in masters)
        {
            await foreach (var key in master.KeysAsync(pattern: "rst:{*"))
            {
                var ticketId = ((string)key!)[5..((string)key!).IndexOf('}', StringComparison.Ordinal)];
                if (mastersOfTicket.TryGetValue(ticketId, out var holders))
                {
                    holders.Add(master.EndPoint.ToString()!);
                }
            }
        }

        mastersOfTicket.Values.ShouldAllBe(holders => holders.Count == 1, "every ticket is stored, on one master only");
        mastersOfTicket.Values.SelectMany(holders => holders).Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public async Task A_verified_tickets_hash_and_token_share_one_hash_slot_on_one_master_and_readiness_checks_the_cluster()
    {
        var customer = await app.CreateCustomerAsync();
        var (ticketId, _) = await app.VerifiedTicketAsync(customer);
        await using var redis = await RedisTopology.ConnectAsAdminAsync(app.RedisCluster);
        var masters = RedisTopology.Masters(redis);
        var slot = (long)await masters[0].ExecuteAsync("CLUSTER", "KEYSLOT", $"rst:{{{ticketId}}}:token");
        ((long)await masters[0].ExecuteAsync("CLUSTER", "KEYSLOT", $"rst:{{{ticketId}}}")).ShouldBe(slot);

        var keysInSlot = new List<string>();
        var owners = 0;
        foreach (var master in masters)
        {
            var keys = (RedisResult[])(await master.ExecuteAsync("CLUSTER", "GETKEYSINSLOT", slot, 1000))!;
            owners += keys.Length > 0 ? 1 : 0;
            keysInSlot.AddRange(keys.Select(key => (string)key!));
        }

        owners.ShouldBe(1);
        keysInSlot.ShouldContain($"rst:{{{ticketId}}}");
        keysInSlot.ShouldContain($"rst:{{{ticketId}}}:token");
        using var ready = await app.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ready.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken))
            .GetProperty("checks").GetProperty("redis").GetString().ShouldBe("healthy");
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reset.Tests.Fixtures;
using StackExchange.Redis;

namespace Reset.Tests.Cluster;

/// <summary>
/// The service reaches Redis through Sentinel by configuration alone
/// (<c>ConnectionStrings__Redis=&lt;sentinel&gt;,serviceName=&lt;name&gt;</c>), and follows a failover:
/// the master goes down, Sentinel promotes the replica, and a ticket started on the old master
/// completes on the new one, without restarting the service.
/// </summary>
public sealed class SentinelTests
{
    private const string ServiceName = "resetmaster";

    [Fact]
    public async Task Through_sentinel_a_journey_completes_and_a_ticket_started_before_the_master_fails_completes_on_the_promoted_replica()
    {
        await using var master = new OwnedRedis();
        await master.StartAsync();
        await using var replica = new OwnedRedis("--replicaof", "127.0.0.1", master.Port.ToString(CultureInfo.InvariantCulture));
        await replica.StartAsync();
        await using var sentinel = OwnedRedis.Sentinel(master.Port, ServiceName);
        await sentinel.StartAsync();
        await using var sentinelConnection = await ConnectionMultiplexer.SentinelConnectAsync($"127.0.0.1:{sentinel.Port}");
        var sentinelServer = sentinelConnection.GetServer("127.0.0.1", sentinel.Port);
        await EventuallyAsync(async () => (await sentinelServer.SentinelReplicasAsync(ServiceName))
            .Any(fields => fields.Any(f => f.Key == "master-link-status" && f.Value == "ok")), "the sentinel sees the replica in sync");

        await using var app = new JourneyApp();
        await app.InitializeAsync();
        app.Settings["ConnectionStrings:Redis"] = $"127.0.0.1:{sentinel.Port},serviceName={ServiceName}";

        var first = await app.CreateCustomerAsync();
        var (firstTicket, firstToken) = await app.VerifiedTicketAsync(first);
        (await app.SetPasswordAsync(firstTicket, firstToken, "violet kettle drums at noon")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await using (var direct = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{master.Port}"))
        {
            (await direct.GetDatabase().KeyExistsAsync($"rst:{{{firstTicket}}}")).ShouldBeTrue("the service wrote to the master Sentinel named");
        }

        var second = await app.CreateCustomerAsync();
        var secondTicket = await app.StartTicketAsync(second.Email);
        (await app.SendCodeAsync(secondTicket)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var code = await app.ReceiveCodeAsync(second.Email);
        await using (var direct = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{master.Port}"))
        {
            // Replication is asynchronous: let the replica have the ticket and its code before it takes over.
            ((long)await direct.GetDatabase().ExecuteAsync("WAIT", 1, 5000)).ShouldBe(1);
        }

        // The master's host fails. (A SENTINEL FAILOVER while the old master still answers is another
        // matter: see README, "Redis Sentinel".)
        await master.StopAsync();
        await EventuallyAsync(async () => ((IPEndPoint?)await sentinelServer.SentinelGetMasterAddressByNameAsync(ServiceName))?.Port == replica.Port,
            "Sentinel promotes the replica");

        HttpResponseMessage? verified = null;
        for (var attempt = 0; attempt < 75 && verified?.StatusCode != HttpStatusCode.OK; attempt++)
        {
            verified?.Dispose();
            await Task.Delay(200, TestContext.Current.CancellationToken);
            verified = await app.VerifyAsync(secondTicket, code);
            verified.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable);
        }

        verified!.StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = (await verified.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("resetToken").GetString()!;
        verified.Dispose();
        (await app.SetPasswordAsync(secondTicket, token, "violet kettle drums at noon")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await using var promoted = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{replica.Port}");
        (await promoted.GetDatabase().HashGetAsync($"rst:{{{secondTicket}}}", "status")).ToString().ShouldBe("completed");
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"Within 30 s, expected: {what}.");
    }
}

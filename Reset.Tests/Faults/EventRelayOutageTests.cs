using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reset.Domain.Support;
using Reset.Infrastructure.Events;
using Reset.Infrastructure.Persistence;
using Reset.Tests.Fixtures;
using Reset.Tests.Http.Internal;
using StackExchange.Redis;

namespace Reset.Tests.Faults;

/// <summary>
/// An event committed while Redis is down waits in event_outbox, and reaches the stream once Redis
/// is back, without a restart: the delivery guarantee README states (at least once, never lost).
/// </summary>
public sealed class EventRelayOutageTests
{
    [Fact]
    public async Task An_event_committed_while_Redis_is_down_reaches_the_stream_when_it_is_back()
    {
        await using var redis = new OwnedRedis();
        await redis.StartAsync();
        await using var app = new InternalApiApp();
        await app.InitializeAsync();
        app.Settings["ConnectionStrings:Redis"] = redis.ConnectionString;
        _ = app.Services;
        await redis.StopAsync();

        var now = DateTimeOffset.UtcNow;
        var request = SupportRequest.Open(Guid.CreateVersion7(), SupportReference.New(RandomNumberGenerator.GetInt32), null, null, "x@example.net", "Help.", now);
        var reference = request.Reference;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ResetDbContext>();
            db.Events.Add(ResetEvent.SupportRequestOpened(request, now));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        // The relay tries (and fails) several times meanwhile; the event stays.
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        (await PendingAsync(app, reference)).ShouldBe(1);

        await redis.StartAsync();
        await using var reader = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var delivered = Array.Empty<StreamEntry>();
        for (var i = 0; i < 150 && delivered.Length == 0; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            delivered = [.. (await reader.GetDatabase().StreamRangeAsync(app.StreamKey)).Where(e => InternalApiApp.Fields(e).GetValueOrDefault("reference") == reference)];
        }

        delivered.Length.ShouldBe(1);
        InternalApiApp.Fields(delivered[0])["type"].ShouldBe("support_request.opened");
        for (var i = 0; i < 50 && await PendingAsync(app, reference) > 0; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        (await PendingAsync(app, reference)).ShouldBe(0);
    }

    private static async Task<int> PendingAsync(ResetApp app, string reference)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ResetDbContext>().Events.AsNoTracking()
            .CountAsync(e => e.Reference == reference, TestContext.Current.CancellationToken);
    }
}

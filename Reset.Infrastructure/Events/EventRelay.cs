using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reset.Infrastructure.Persistence;
using Reset.Infrastructure.Redis;
using StackExchange.Redis;

namespace Reset.Infrastructure.Events;

/// <summary>
/// Moves events from the <c>event_outbox</c> table onto the Redis stream, oldest first, a batch at a
/// time: in one PostgreSQL transaction it locks a batch (FOR UPDATE SKIP LOCKED, so instances share
/// the work), XADDs it with approximate MAXLEN trimming, deletes it, and commits.
/// </summary>
/// <remarks>
/// Delivery is at least once: when the commit fails after the XADDs (PostgreSQL lost, the instance
/// killed), the batch is sent again later. Consumers drop copies by <c>eventId</c>. An event is never
/// lost once its request committed, whatever Redis does meanwhile; it waits in the table.
/// </remarks>
internal sealed partial class EventRelay(
    IServiceScopeFactory scopes,
    ResilientRedis redis,
    IOptions<EventOptions> options,
    ILogger<EventRelay> logger) : BackgroundService
{
    internal const int BatchSize = 100;

    private readonly EventOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var relayed = 0;
            try
            {
                relayed = await RelayBatchAsync(stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (DependencyFailures.IsDependencyFailure(exception))
            {
                // The events wait in the table; back off so an outage is not hammered by every instance.
                failures++;
                LogRelayFailed(exception.GetType().Name);
            }

            if (relayed < BatchSize)
            {
                try
                {
                    await Task.Delay(_options.PollInterval * Math.Min(1 << Math.Min(failures, 5), 30), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Relays up to a batch of events; returns how many.</summary>
    internal async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResetDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = await db.Events
            .FromSql($"SELECT * FROM event_outbox ORDER BY id LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        // From here on the batch is finished even when the host is stopping: an XADD done but not
        // recorded would be sent twice.
        await redis.AtMostOnceAsync(database => Task.WhenAll(batch.Select(e => database.StreamAddAsync(
            _options.StreamKey,
            [.. e.Fields().Select(f => new NameValueEntry(f.Key, f.Value))],
            maxLength: _options.MaxLength,
            useApproximateMaxLength: true))));
        db.Events.RemoveRange(batch);
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        LogRelayed(batch.Count, _options.StreamKey);
        return batch.Count;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Relayed {Count} events to the stream {StreamKey}")]
    private partial void LogRelayed(int count, string streamKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Relaying events to the stream failed ({Error}); they wait in event_outbox")]
    private partial void LogRelayFailed(string error);
}

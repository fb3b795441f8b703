using Reset.Infrastructure.Resilience;
using StackExchange.Redis;

namespace Reset.Infrastructure.Redis;

/// <summary>
/// Redis behind its Polly pipeline. StackExchange.Redis commands take no cancellation token: WaitAsync
/// lets the pipeline's timeouts give up on a command that hangs.
/// </summary>
public sealed class ResilientRedis(IConnectionMultiplexer redis, DependencyPipelines pipelines)
{
    /// <summary>Reads, and writes that end the same however often they run: retried on transient failures.</summary>
    public Task<T> RepeatableAsync<T>(Func<IDatabase, Task<T>> command) =>
        pipelines.Redis.RunAsync(RetrySafety.Repeatable, ct => command(redis.GetDatabase()).WaitAsync(ct));

    public Task RepeatableAsync(Func<IDatabase, Task> command) =>
        pipelines.Redis.RunAsync(RetrySafety.Repeatable, ct => command(redis.GetDatabase()).WaitAsync(ct));

    /// <summary>Counters and scripts that change state: retried only when Redis never got them.</summary>
    public Task<T> AtMostOnceAsync<T>(Func<IDatabase, Task<T>> command) =>
        pipelines.Redis.RunAsync(RetrySafety.AtMostOnce, ct => command(redis.GetDatabase()).WaitAsync(ct));
}

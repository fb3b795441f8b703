using Microsoft.EntityFrameworkCore;
using Npgsql;
using Reset.Infrastructure.HumanCheck;
using StackExchange.Redis;

namespace Reset.Infrastructure;

/// <summary>Tells a failure of something the service depends on (answered 503) from a bug (500).</summary>
public static class DependencyFailures
{
    /// <summary>Seconds a client should wait before retrying when a dependency failed.</summary>
    public const int RetryAfterSeconds = 5;

    public static bool IsDependencyFailure(Exception exception) => exception switch
    {
        // RedisServerException included: "OOM command not allowed when used memory > 'maxmemory'" is a
        // full Redis (noeviction), an operator's problem, not a bug; TransientFailures never retries it.
        RedisException or RedisTimeoutException => true,
        NpgsqlException => true,
        DbUpdateException { InnerException: NpgsqlException } => true,
        HumanCheckUnavailableException => true,
        TimeoutException => true,
        // Polly gave up: a timeout, or a circuit breaker open after repeated failures.
        Polly.ExecutionRejectedException => true,
        _ when exception.InnerException is { } inner => IsDependencyFailure(inner),
        _ => false,
    };
}

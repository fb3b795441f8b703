using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Reset.Infrastructure.Health;

/// <summary>
/// The readiness checks, run once for everyone asking: callers while a check runs share it, and its
/// report answers for <see cref="ReportLifetime"/> after it ends. So /health/ready, which anyone can
/// call, costs at most one PostgreSQL and one Redis round trip a second however often it is asked,
/// and a dependency that goes down shows within that second plus the checks' timeout.
/// </summary>
public sealed class ReadinessProbe(HealthCheckService health)
{
    public static readonly TimeSpan ReportLifetime = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private Task<HealthReport>? _current;
    private long _currentEndedAt;
    private long _checksRun;

    /// <summary>How many times the checks ran (not how often they were asked for).</summary>
    internal long ChecksRun => Interlocked.Read(ref _checksRun);

    /// <summary>The current report; the caller's cancellation ends its wait, never the shared check.</summary>
    public Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_current is not { } current || (current.IsCompleted && Environment.TickCount64 - _currentEndedAt >= ReportLifetime.TotalMilliseconds))
            {
                current = _current = RunAsync();
            }

            return current.WaitAsync(cancellationToken);
        }
    }

    private async Task<HealthReport> RunAsync()
    {
        Interlocked.Increment(ref _checksRun);
        // Yield first: the lock above must not be held while the checks start.
        await Task.Yield();
        try
        {
            return await health.CheckHealthAsync(check => check.Tags.Contains(HealthChecks.ReadyTag), CancellationToken.None);
        }
        finally
        {
            Interlocked.Exchange(ref _currentEndedAt, Environment.TickCount64);
        }
    }
}

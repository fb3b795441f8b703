using System.Diagnostics;

namespace Reset.Tests.Soak;

/// <summary>One server restart: when it began (since the load began), and how long stopping, the outage and starting took.</summary>
internal sealed record Restart(string Server, TimeSpan At, DateTimeOffset StoppedAt, TimeSpan StopTook, TimeSpan Down, TimeSpan StartTook)
{
    public override string ToString() =>
        $"{Server,-10} at {At.TotalSeconds,5:F1} s ({StoppedAt:HH:mm:ss} UTC): stop {StopTook.TotalMilliseconds,5:F0} ms, down {Down.TotalMilliseconds,5:F0} ms, start {StartTook.TotalMilliseconds,5:F0} ms";
}

/// <summary>A server the chaos may restart: its real process or listener stops, then starts again.</summary>
internal sealed record ChaosTarget(string Server, double AtFractionOfLoad, Func<Task> StopAsync, Func<Task> StartAsync);

/// <summary>Restarts each target once, at its moment of the load, leaving it down for a few seconds.</summary>
internal sealed class Chaos(IReadOnlyList<ChaosTarget> targets, TimeSpan load, TimeSpan downFor)
{
    private readonly List<Restart> _restarts = [];

    public IReadOnlyList<Restart> Restarts => _restarts;

    public async Task RunAsync(Stopwatch loadClock, CancellationToken cancellationToken)
    {
        foreach (var target in targets.OrderBy(t => t.AtFractionOfLoad))
        {
            var at = load * target.AtFractionOfLoad;
            if (at > loadClock.Elapsed)
            {
                await Task.Delay(at - loadClock.Elapsed, cancellationToken);
            }

            var began = loadClock.Elapsed;
            var wallClock = DateTimeOffset.UtcNow;
            var watch = Stopwatch.StartNew();
            await target.StopAsync();
            var stopTook = watch.Elapsed;
            // Started again even when the test is being cancelled: a server left down would fail whatever runs next.
            await Task.Delay(downFor, CancellationToken.None);
            var down = watch.Elapsed - stopTook;
            watch.Restart();
            await target.StartAsync();
            _restarts.Add(new Restart(target.Server, began, wallClock, stopTook, down, watch.Elapsed));
        }
    }
}

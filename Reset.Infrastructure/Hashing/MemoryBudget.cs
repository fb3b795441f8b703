namespace Reset.Infrastructure.Hashing;

/// <summary>
/// KiB that hashing threads take before they compute and give back after, first come first served:
/// a thread waiting for room for a large hash is not overtaken by small ones, so it cannot starve.
/// Blocking is right here: only the hashing threads of their own wait, never a thread-pool thread.
/// </summary>
internal sealed class MemoryBudget(long totalKiB)
{
    private readonly object _gate = new(); // not a Lock: Monitor.Wait needs a monitor
    private long _inUseKiB;
    private long _nextTurn;
    private long _servedTurn;

    public long TotalKiB { get; } = totalKiB;

    /// <summary>Memory held right now (for tests and diagnostics).</summary>
    public long InUseKiB
    {
        get
        {
            lock (_gate)
            {
                return _inUseKiB;
            }
        }
    }

    /// <summary>Waits for its turn and for <paramref name="kib"/> to fit, then takes it.</summary>
    public void Take(long kib)
    {
        lock (_gate)
        {
            var turn = _nextTurn++;
            while (turn != _servedTurn || _inUseKiB + kib > TotalKiB)
            {
                Monitor.Wait(_gate);
            }

            _inUseKiB += kib;
            _servedTurn++;
            Monitor.PulseAll(_gate);
        }
    }

    public void Give(long kib)
    {
        lock (_gate)
        {
            _inUseKiB -= kib;
            Monitor.PulseAll(_gate);
        }
    }
}

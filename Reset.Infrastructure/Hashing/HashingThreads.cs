using System.Collections.Concurrent;

namespace Reset.Infrastructure.Hashing;

/// <summary>
/// A fixed number of threads of their own that run Argon2id, fed from one queue. A hash holds a core
/// for ~40 ms; run on thread-pool threads, a burst of password changes blocked the threads every
/// other request continues on, and their Redis and PostgreSQL calls timed out (seen in the
/// benchmark). Here the thread pool stays free, and the thread count bounds the CPU that hashing
/// can take, however many requests wait. Memory is bounded apart: each piece of work says how much
/// it holds (Argon2id's m), and starts only when that fits in the budget beside the running ones, so
/// a costly imported hash waits for room instead of adding its m to everyone else's.
/// </summary>
internal sealed class HashingThreads : IDisposable
{
    private readonly BlockingCollection<WorkItem> _queue = new(new ConcurrentQueue<WorkItem>());
    private readonly Thread[] _threads;
    private readonly MemoryBudget _memory;

    public HashingThreads(int count, long memoryBudgetKiB = long.MaxValue)
    {
        _memory = new MemoryBudget(memoryBudgetKiB);
        _threads = [.. Enumerable.Range(0, count).Select(i => new Thread(Work) { IsBackground = true, Name = $"argon2id-{i}" })];
        foreach (var thread in _threads)
        {
            thread.Start();
        }
    }

    public long MemoryInUseKiB => _memory.InUseKiB;

    /// <summary>Queues the work; a request cancelled while it waits is not computed.</summary>
    public Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken) => RunAsync(work, 0, cancellationToken);

    /// <summary>Queues work that holds <paramref name="memoryKiB"/> while it runs (at most the whole budget).</summary>
    public Task<T> RunAsync<T>(Func<T> work, long memoryKiB, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(memoryKiB, _memory.TotalKiB);
        var item = new WorkItem<T>(work, memoryKiB, cancellationToken);
        _queue.Add(item, CancellationToken.None);
        return item.Task;
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        foreach (var thread in _threads)
        {
            thread.Join();
        }

        _queue.Dispose();
    }

    private void Work()
    {
        foreach (var item in _queue.GetConsumingEnumerable())
        {
            _memory.Take(item.MemoryKiB);
            try
            {
                item.Run();
            }
            finally
            {
                _memory.Give(item.MemoryKiB);
            }
        }
    }

    private abstract class WorkItem(long memoryKiB)
    {
        public long MemoryKiB { get; } = memoryKiB;

        public abstract void Run();
    }

    private sealed class WorkItem<T>(Func<T> work, long memoryKiB, CancellationToken cancellationToken) : WorkItem(memoryKiB)
    {
        // Continuations go back to the thread pool, never onto a hashing thread.
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<T> Task => _completion.Task;

        public override void Run()
        {
            if (cancellationToken.IsCancellationRequested)
            {
                _completion.TrySetCanceled(cancellationToken);
                return;
            }

            try
            {
                _completion.TrySetResult(work());
            }
            catch (Exception exception)
            {
                _completion.TrySetException(exception);
            }
        }
    }
}

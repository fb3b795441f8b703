using System.Collections.Concurrent;

namespace Reset.Infrastructure.Hashing;

/// <summary>
/// A fixed number of threads of their own that run Argon2id, fed from one queue. A hash holds a core
/// for ~40 ms; run on thread-pool threads, a burst of password changes blocked the threads every
/// other request continues on, and their Redis and PostgreSQL calls timed out (seen in the
/// benchmark). Here the thread pool stays free, and the thread count bounds both the CPU and the
/// memory (one Argon2id block each) that hashing can take, however many requests wait.
/// </summary>
internal sealed class HashingThreads : IDisposable
{
    private readonly BlockingCollection<WorkItem> _queue = new(new ConcurrentQueue<WorkItem>());
    private readonly Thread[] _threads;

    public HashingThreads(int count)
    {
        _threads = [.. Enumerable.Range(0, count).Select(i => new Thread(Work) { IsBackground = true, Name = $"argon2id-{i}" })];
        foreach (var thread in _threads)
        {
            thread.Start();
        }
    }

    /// <summary>Queues the work; a request cancelled while it waits is not computed.</summary>
    public Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        var item = new WorkItem<T>(work, cancellationToken);
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
            item.Run();
        }
    }

    private abstract class WorkItem
    {
        public abstract void Run();
    }

    private sealed class WorkItem<T>(Func<T> work, CancellationToken cancellationToken) : WorkItem
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

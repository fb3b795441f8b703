using Reset.Infrastructure.Hashing;

namespace Reset.Tests.Infrastructure;

/// <summary>The threads Argon2id runs on: their number bounds the work at once, and the thread pool stays free.</summary>
public sealed class HashingThreadsTests
{
    [Fact]
    public async Task No_more_than_the_configured_number_run_at_once_however_many_wait()
    {
        using var threads = new HashingThreads(2);
        var running = 0;
        var most = 0;
        var work = Enumerable.Range(0, 12).Select(_ => threads.RunAsync(() =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            Thread.Sleep(20);
            Interlocked.Decrement(ref running);
            return Environment.CurrentManagedThreadId;
        }, TestContext.Current.CancellationToken));

        var ranOn = await Task.WhenAll(work);

        most.ShouldBe(2);
        ranOn.Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public async Task Work_runs_on_threads_of_its_own_not_on_the_thread_pool()
    {
        using var threads = new HashingThreads(1);

        var (onPool, name) = await threads.RunAsync(() => (Thread.CurrentThread.IsThreadPoolThread, Thread.CurrentThread.Name), TestContext.Current.CancellationToken);

        onPool.ShouldBeFalse();
        name.ShouldBe("argon2id-0");
    }

    [Fact]
    public async Task A_request_cancelled_while_it_waits_is_never_computed()
    {
        using var threads = new HashingThreads(1);
        using var release = new ManualResetEventSlim();
        var blocker = threads.RunAsync(() => release.Wait(TimeSpan.FromSeconds(10)), TestContext.Current.CancellationToken);
        using var cancel = new CancellationTokenSource();
        var computed = false;
        var waiting = threads.RunAsync(() => computed = true, cancel.Token);

        await cancel.CancelAsync();
        release.Set();

        (await blocker).ShouldBeTrue();
        await Should.ThrowAsync<TaskCanceledException>(() => waiting);
        computed.ShouldBeFalse();
    }

    [Fact]
    public async Task A_failure_reaches_the_caller()
    {
        using var threads = new HashingThreads(1);

        var failure = await Should.ThrowAsync<InvalidOperationException>(() =>
            threads.RunAsync<int>(() => throw new InvalidOperationException("boom"), TestContext.Current.CancellationToken));

        failure.Message.ShouldBe("boom");
    }

    [Fact]
    public async Task Work_starts_only_when_its_memory_fits_in_the_budget()
    {
        using var threads = new HashingThreads(4, memoryBudgetKiB: 100);
        var inUse = 0;
        var most = 0;
        var work = Enumerable.Range(0, 12).Select(_ => threads.RunAsync(() =>
        {
            InterlockedMax(ref most, Interlocked.Add(ref inUse, 40));
            Thread.Sleep(20);
            Interlocked.Add(ref inUse, -40);
            return true;
        }, memoryKiB: 40, TestContext.Current.CancellationToken));

        await Task.WhenAll(work);

        // Four threads, but only two pieces of 40 fit in 100.
        most.ShouldBe(80);
    }

    [Fact]
    public async Task Large_work_is_not_overtaken_by_small_work_queued_after_it()
    {
        using var threads = new HashingThreads(2, memoryBudgetKiB: 100);
        using var release = new ManualResetEventSlim();
        var order = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var first = threads.RunAsync(() => release.Wait(TimeSpan.FromSeconds(10)), memoryKiB: 10, TestContext.Current.CancellationToken);
        var large = threads.RunAsync(() =>
        {
            order.Enqueue("large");
            return true;
        }, memoryKiB: 100, TestContext.Current.CancellationToken);
        await Task.Delay(50, TestContext.Current.CancellationToken); // the large one waits for room now
        var small = Enumerable.Range(0, 3).Select(i => threads.RunAsync(() =>
        {
            order.Enqueue("small");
            return true;
        }, memoryKiB: 10, TestContext.Current.CancellationToken)).ToList();

        release.Set();
        await Task.WhenAll([first, large, .. small]);

        order.First().ShouldBe("large");
    }

    [Fact]
    public void Work_larger_than_the_whole_budget_is_refused()
    {
        using var threads = new HashingThreads(1, memoryBudgetKiB: 100);

        Should.Throw<ArgumentOutOfRangeException>(() => threads.RunAsync(() => true, memoryKiB: 101, TestContext.Current.CancellationToken));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}

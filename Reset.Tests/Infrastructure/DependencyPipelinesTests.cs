using System.Diagnostics;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Reset.Infrastructure;
using Reset.Infrastructure.Resilience;
using StackExchange.Redis;

namespace Reset.Tests.Infrastructure;

/// <summary>The pipeline rules, with failures thrown by hand: what is retried, what is not, when calls stop.</summary>
public sealed class DependencyPipelinesTests
{
    private static readonly RedisTimeoutException LostReply = new(CommandFlags.None, "Timeout awaiting response", CommandStatus.Sent);
    private static readonly RedisConnectionException NoConnection = new(ConnectionFailureType.UnableToConnect, CommandFlags.None, "No connection is available", null, CommandStatus.WaitingToBeSent);

    [Fact]
    public async Task A_change_whose_reply_was_lost_is_not_run_again()
    {
        var calls = 0;

        await Should.ThrowAsync<RedisTimeoutException>(() => RedisPipeline().RunAsync(RetrySafety.AtMostOnce, _ =>
        {
            calls++;
            return Task.FromException<bool>(LostReply);
        }, TestContext.Current.CancellationToken));

        calls.ShouldBe(1);
    }

    [Fact]
    public async Task A_read_is_tried_again_up_to_the_retry_limit()
    {
        var calls = 0;

        await Should.ThrowAsync<RedisTimeoutException>(() => RedisPipeline().RunAsync(RetrySafety.Repeatable, _ =>
        {
            calls++;
            return Task.FromException<bool>(LostReply);
        }, TestContext.Current.CancellationToken));

        calls.ShouldBe(1 + DependencyPipelines.RedisBounds.MaxRetries);
    }

    [Fact]
    public async Task A_change_that_never_reached_the_server_is_tried_again_and_can_succeed()
    {
        var calls = 0;

        var result = await RedisPipeline().RunAsync(RetrySafety.AtMostOnce, _ =>
            ++calls == 1 ? Task.FromException<int>(NoConnection) : Task.FromResult(calls), TestContext.Current.CancellationToken);

        result.ShouldBe(2);
    }

    [Fact]
    public async Task A_bug_is_never_retried()
    {
        var calls = 0;

        await Should.ThrowAsync<InvalidOperationException>(() => RedisPipeline().RunAsync(RetrySafety.Repeatable, _ =>
        {
            calls++;
            return Task.FromException<bool>(new InvalidOperationException("a bug"));
        }, TestContext.Current.CancellationToken));

        calls.ShouldBe(1);
    }

    [Fact]
    public async Task After_repeated_failures_the_breaker_answers_at_once_without_calling_the_server()
    {
        var pipeline = RedisPipeline();
        for (var i = 0; i < DependencyPipelines.RedisBounds.BreakMinimumThroughput; i++)
        {
            await Should.ThrowAsync<Exception>(() => pipeline.RunAsync(RetrySafety.AtMostOnce, _ => Task.FromException<bool>(LostReply),
                TestContext.Current.CancellationToken));
        }

        var called = false;
        var rejected = await Should.ThrowAsync<BrokenCircuitException>(() => pipeline.RunAsync(RetrySafety.AtMostOnce, _ =>
        {
            called = true;
            return Task.FromResult(true);
        }, TestContext.Current.CancellationToken));

        called.ShouldBeFalse();
        rejected.RetryAfter.ShouldNotBeNull().ShouldBeLessThanOrEqualTo(DependencyPipelines.RedisBounds.BreakDuration);
        DependencyFailures.IsDependencyFailure(rejected).ShouldBeTrue("an open breaker is answered 503");
    }

    [Fact]
    public async Task A_call_that_hangs_is_abandoned_within_the_whole_call_bound()
    {
        var watch = Stopwatch.StartNew();

        var timedOut = await Should.ThrowAsync<TimeoutRejectedException>(() => RedisPipeline().RunAsync(RetrySafety.Repeatable,
            async ct =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                return true;
            }, TestContext.Current.CancellationToken));

        watch.Elapsed.ShouldBeLessThan(DependencyPipelines.RedisBounds.Total + TimeSpan.FromMilliseconds(500));
        DependencyFailures.IsDependencyFailure(timedOut).ShouldBeTrue("a timeout is answered 503");
    }

    [Fact]
    public void Every_request_pipeline_answers_within_three_seconds()
    {
        DependencyPipelines.RedisBounds.Total.ShouldBeLessThan(TimeSpan.FromSeconds(3));
        DependencyPipelines.PostgresBounds.Total.ShouldBeLessThan(TimeSpan.FromSeconds(3));
    }

    private static Polly.ResiliencePipeline RedisPipeline() =>
        DependencyPipelines.Build(DependencyPipelines.RedisBounds, TransientFailures.Redis, TransientFailures.RedisNeverSent);
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Reset.Infrastructure;
using Reset.Infrastructure.Redis;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Infrastructure;

/// <summary>Redis away or hung, through the service's own connection settings and pipeline: an answer, fast.</summary>
public sealed class ResilientRedisTests
{
    [Fact]
    public async Task With_no_redis_listening_a_command_fails_fast_as_a_dependency_failure()
    {
        await using var multiplexer = RedisConnection.Connect($"127.0.0.1:{ClosedPort()}");
        var redis = ResilientRedisFor.Connection(multiplexer);
        var watch = Stopwatch.StartNew();

        var failure = await Should.ThrowAsync<Exception>(() => redis.AtMostOnceAsync(db => db.StringIncrementAsync("reset-test:counter")));

        TestContext.Current.TestOutputHelper?.WriteLine($"{failure.GetType().Name} after {watch.ElapsedMilliseconds} ms");
        DependencyFailures.IsDependencyFailure(failure).ShouldBeTrue(failure.ToString());
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task A_redis_that_accepts_and_never_answers_fails_a_read_within_the_pipeline_bound()
    {
        using var hung = new HungServer();
        await using var multiplexer = RedisConnection.Connect($"127.0.0.1:{hung.Port}");
        var redis = ResilientRedisFor.Connection(multiplexer);
        var watch = Stopwatch.StartNew();

        var failure = await Should.ThrowAsync<Exception>(() => redis.RepeatableAsync(db => db.StringGetAsync("reset-test:key")));

        TestContext.Current.TestOutputHelper?.WriteLine($"{failure.GetType().Name} after {watch.ElapsedMilliseconds} ms");
        DependencyFailures.IsDependencyFailure(failure).ShouldBeTrue(failure.ToString());
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3));
    }

    private static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

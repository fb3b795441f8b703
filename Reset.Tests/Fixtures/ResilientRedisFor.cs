using Microsoft.Extensions.Options;
using Reset.Infrastructure.Email;
using Reset.Infrastructure.Redis;
using Reset.Infrastructure.Resilience;
using StackExchange.Redis;

namespace Reset.Tests.Fixtures;

/// <summary>A connection wrapped the way the service wraps it, for tests that build a store by hand.</summary>
public static class ResilientRedisFor
{
    public static ResilientRedis Connection(IConnectionMultiplexer redis) =>
        new(redis, new DependencyPipelines(Options.Create(new EmailOptions())));
}

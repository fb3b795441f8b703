using Microsoft.Extensions.Options;
using Reset.Infrastructure.Redis;
using Reset.Infrastructure.Security;
using StackExchange.Redis;

namespace Reset.Infrastructure.RateLimiting;

/// <summary>
/// Counts requests in Redis, so limits hold across every instance of the service. Subjects (client
/// addresses, logins, e-mail addresses) appear in key names only as HMACs.
/// </summary>
public sealed class RateLimiter(ResilientRedis redis, SecretHmac hmac, IOptions<RateLimitOptions> options)
{
    /// <summary>Counts one request of <paramref name="subject"/> against the policy; returns how long to wait when it is used up.</summary>
    public async Task<TimeSpan?> ExceededAsync(RateLimitPolicy policy, string subject)
    {
        var limit = policy.Select(options.Value);
        var key = RedisKeys.RateLimit(policy.Name, hmac.Subject(policy.Name, subject));
        var result = (RedisResult[])(await redis.AtMostOnceAsync(db => db.ScriptEvaluateAsync(
            LuaScripts.RateLimit, [key], [(long)limit.Window.TotalMilliseconds, limit.Limit])))!;
        return (long)result[0] == 1 ? null : TimeSpan.FromMilliseconds(Math.Max(1000, (long)result[1]));
    }

    /// <summary>
    /// Counts one request of <paramref name="subject"/> from <paramref name="part"/> (e.g. a login
    /// from one client network) against a narrow policy and the subject as a whole against a wide
    /// one, only when both have room; returns how long to wait when either is used up.
    /// </summary>
    public async Task<TimeSpan?> ExceededAsync(RateLimitPolicy narrow, RateLimitPolicy wide, string subject, string part)
    {
        var (narrowLimit, wideLimit) = (narrow.Select(options.Value), wide.Select(options.Value));
        var subjectMac = hmac.Subject(wide.Name, subject);
        var result = (RedisResult[])(await redis.AtMostOnceAsync(db => db.ScriptEvaluateAsync(
            LuaScripts.RateLimitNested,
            [RedisKeys.RateLimit(narrow.Name, subjectMac, hmac.Subject(narrow.Name, part)), RedisKeys.RateLimit(wide.Name, subjectMac)],
            [(long)narrowLimit.Window.TotalMilliseconds, narrowLimit.Limit, (long)wideLimit.Window.TotalMilliseconds, wideLimit.Limit])))!;
        return (long)result[0] == 1 ? null : TimeSpan.FromMilliseconds(Math.Max(1000, (long)result[1]));
    }
}

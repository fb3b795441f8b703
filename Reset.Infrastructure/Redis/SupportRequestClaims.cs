using System.Globalization;
using Reset.Domain.Support;
using Reset.Domain.Tickets;
using StackExchange.Redis;

namespace Reset.Infrastructure.Redis;

/// <summary>
/// "One support request per ticket", kept atomically in Redis: a field on the ticket's own hash, set
/// only if absent and only while the ticket is open (<see cref="SupportRequestNeedsAnOpenTicket"/>),
/// so it expires with the ticket. Decoys claim on their hash exactly as real tickets do.
/// </summary>
public sealed class SupportRequestClaims(ResilientRedis redis)
{
    private static readonly RedisValue[] OpenStates =
        [.. SupportRequestNeedsAnOpenTicket.OpenStates.Select(s => (RedisValue)s.ToWire())];

    /// <summary>Claims the ticket for the request <paramref name="requestId"/>; repeatable with the same id.</summary>
    public async Task<SupportClaim> ClaimAsync(TicketId ticket, Guid requestId, DateTimeOffset now)
    {
        var result = (string?)await redis.RepeatableAsync(db => db.ScriptEvaluateAsync(
            LuaScripts.ClaimSupport,
            [RedisKeys.Ticket(ticket.Value)],
            [Ms(now), requestId.ToString("N"), .. OpenStates]));
        return result switch
        {
            "ok" => SupportClaim.Claimed,
            "taken" => SupportClaim.AlreadyTaken,
            "state" => SupportClaim.TicketNotOpen,
            _ => SupportClaim.TicketNotFound,
        };
    }

    /// <summary>Gives the claim back after its request could not be stored, so the customer can try again.</summary>
    public Task ReleaseAsync(TicketId ticket, Guid requestId) =>
        redis.RepeatableAsync(db => db.ScriptEvaluateAsync(
            LuaScripts.ReleaseSupport, [RedisKeys.Ticket(ticket.Value)], [requestId.ToString("N")]));

    private static string Ms(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}

public enum SupportClaim
{
    Claimed,
    AlreadyTaken,
    TicketNotOpen,
    TicketNotFound,
}

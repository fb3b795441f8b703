using System.Globalization;
using Reset.Domain.Tickets;
using Reset.Infrastructure.Security;
using StackExchange.Redis;

namespace Reset.Infrastructure.Redis;

/// <summary>
/// Reset tickets, their codes and reset tokens in Redis: short-lived state that expires by itself.
/// Every step that must not race (sending, verifying, taking a token) is one Lua script.
/// </summary>
public sealed class ResetTicketStore(ResilientRedis redis, SecretHmac hmac)
{
    /// <summary>Stores a new ticket and lists it under its login. Both writes end the same however often they run.</summary>
    public async Task CreateAsync(ResetTicket ticket)
    {
        var id = ticket.Id.Value;
        var expiresAt = Ms(ticket.ExpiresAt);
        // One script per hash slot (the ticket's and the account's): they cannot share a transaction on
        // Redis Cluster, but sent together they cost one round trip, and two commands instead of seven.
        var store = redis.RepeatableAsync(db => db.ScriptEvaluateAsync(
            LuaScripts.CreateTicket,
            [RedisKeys.Ticket(id)],
            [
                expiresAt,
                "status", ticket.Status.ToWire(),
                "decoy", ticket.IsDecoy ? "1" : "0",
                "uid", ticket.UserId?.ToString("N") ?? string.Empty,
                "acct", ticket.AccountKey,
                "dest", ticket.Destination ?? string.Empty,
                "rcpt", ticket.Recipient ?? string.Empty,
                "loc", ticket.Locale,
                "created", Ms(ticket.CreatedAt),
                "expires", expiresAt,
                "sends", 0,
                "wrong", 0,
            ]));

        // Decoys are listed too, under their login's key: the same work, the same timing.
        var list = redis.RepeatableAsync(db => db.ScriptEvaluateAsync(
            LuaScripts.ListTicket, [RedisKeys.AccountTickets(hmac.AccountKey(ticket.AccountKey))], [id, expiresAt]));
        await Task.WhenAll(store, list);
    }

    /// <summary>The live ticket a client names, or null: unknown, expired, or not a ticket id at all.</summary>
    public async Task<ResetTicket?> FindAsync(string? ticketId, DateTimeOffset now) =>
        TicketId.TryParse(ticketId, out var id) ? await FindAsync(id, now) : null;

    public async Task<ResetTicket?> FindAsync(TicketId id, DateTimeOffset now)
    {
        var fields = await redis.RepeatableAsync(db => db.HashGetAllAsync(RedisKeys.Ticket(id.Value)));
        if (fields.Length == 0)
        {
            return null;
        }

        var map = fields.ToDictionary(f => f.Name.ToString(), f => f.Value.ToString());
        var ticket = ResetTicket.Restore(
            id,
            isDecoy: map.GetValueOrDefault("decoy") == "1",
            userId: Guid.TryParseExact(map.GetValueOrDefault("uid"), "N", out var uid) ? uid : null,
            accountKey: map.GetValueOrDefault("acct") ?? string.Empty,
            destination: NullIfEmpty(map.GetValueOrDefault("dest")),
            recipient: NullIfEmpty(map.GetValueOrDefault("rcpt")),
            locale: map.GetValueOrDefault("loc") ?? "en",
            createdAt: FromMs(map["created"]),
            expiresAt: FromMs(map["expires"]),
            status: TicketStatusNames.FromWire(map["status"]),
            codesSent: int.Parse(map.GetValueOrDefault("sends") ?? "0", CultureInfo.InvariantCulture),
            lastCodeSentAt: OptionalMs(map.GetValueOrDefault("last_send")),
            codeExpiresAt: OptionalMs(map.GetValueOrDefault("code_exp")),
            wrongCodes: int.Parse(map.GetValueOrDefault("wrong") ?? "0", CultureInfo.InvariantCulture));
        return ticket.IsExpired(now) ? null : ticket;
    }

    /// <summary>Stores the HMAC of a new code if the rules allow a code now.</summary>
    public async Task<StoreCodeResult> StoreCodeAsync(ResetTicket ticket, VerificationCode code, DateTimeOffset now, ResetRules rules)
    {
        var id = ticket.Id.Value;
        var codeExpiresAt = ticket.CodeExpiryFor(now, rules);
        var result = (RedisResult[])(await redis.AtMostOnceAsync(db => db.ScriptEvaluateAsync(
            LuaScripts.SendCode,
            [RedisKeys.Ticket(id), RedisKeys.Code(id)],
            [Ms(now), hmac.Code(id, code.Value), Ms(codeExpiresAt), (long)rules.ResendCooldown.TotalMilliseconds, rules.MaxCodesPerTicket])))!;
        return (string?)result[0] switch
        {
            "ok" => new StoreCodeResult(CodeRequestDecision.Allowed, codeExpiresAt),
            "too_soon" => new StoreCodeResult(CodeRequestDecision.TooSoon, FromMs((string)result[1]!)),
            "no_codes_left" => new StoreCodeResult(CodeRequestDecision.NoCodesLeft, null),
            "locked" => new StoreCodeResult(CodeRequestDecision.TicketLocked, null),
            "state" => new StoreCodeResult(CodeRequestDecision.WrongState, null),
            _ => new StoreCodeResult(CodeRequestDecision.TicketExpired, null),
        };
    }

    /// <summary>
    /// Checks a typed code: first reserves an attempt from the account's daily budget, then compares,
    /// counts and consumes on the ticket. Only a wrong code keeps its reservation.
    /// </summary>
    public async Task<CodeCheckResult> CheckCodeAsync(ResetTicket ticket, VerificationCode code, DateTimeOffset now, ResetRules rules)
    {
        var budgetKey = RedisKeys.AccountWrongCodes(hmac.AccountKey(ticket.AccountKey));
        var reservation = (RedisResult[])(await redis.AtMostOnceAsync(db => db.ScriptEvaluateAsync(
            LuaScripts.ReserveAttempt,
            [budgetKey],
            [rules.MaxWrongCodesPerAccount, (long)rules.WrongCodeWindow.TotalMilliseconds])))!;
        if ((long)reservation[0] == 0)
        {
            return new CodeCheckResult(CodeCheckOutcome.AccountFrozen, 0, null, null, TimeSpan.FromMilliseconds(Math.Max(1000, (long)reservation[1])));
        }

        var id = ticket.Id.Value;
        var token = ResetToken.New();
        var result = (RedisResult[])(await redis.AtMostOnceAsync(db => db.ScriptEvaluateAsync(
            LuaScripts.VerifyCode,
            [RedisKeys.Ticket(id), RedisKeys.Code(id), RedisKeys.Token(id)],
            [Ms(now), hmac.Code(id, code.Value), rules.MaxWrongCodesPerTicket, hmac.Token(id, token.Value), Ms(now + rules.ResetTokenLifetime)])))!;
        var outcome = (string?)result[0] switch
        {
            "verified" => CodeCheckOutcome.Verified,
            "wrong" => CodeCheckOutcome.Wrong,
            "wrong_locked" => CodeCheckOutcome.WrongAndLocked,
            "locked" => CodeCheckOutcome.Locked,
            "state" => CodeCheckOutcome.WrongState,
            _ => CodeCheckOutcome.NotFound,
        };

        if (outcome is not (CodeCheckOutcome.Wrong or CodeCheckOutcome.WrongAndLocked))
        {
            await redis.AtMostOnceAsync(db => db.StringDecrementAsync(budgetKey));
        }

        return outcome switch
        {
            CodeCheckOutcome.Verified => new CodeCheckResult(outcome, 0, token, FromMs((string)result[1]!), null),
            CodeCheckOutcome.Wrong => new CodeCheckResult(outcome, int.Parse((string)result[1]!, CultureInfo.InvariantCulture), null, null, null),
            _ => new CodeCheckResult(outcome, 0, null, null, null),
        };
    }

    /// <summary>Whether the account used up its wrong-code budget; how long until it refills.</summary>
    public async Task<TimeSpan?> AccountFrozenForAsync(string accountKey, ResetRules rules)
    {
        var key = RedisKeys.AccountWrongCodes(hmac.AccountKey(accountKey));
        var used = await redis.RepeatableAsync(db => db.StringGetAsync(key));
        if (!used.HasValue || (long)used < rules.MaxWrongCodesPerAccount)
        {
            return null;
        }

        var ttl = await redis.RepeatableAsync(db => db.KeyTimeToLiveAsync(key));
        return ttl is { } left && left > TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1);
    }

    /// <summary>
    /// Counts one password submission with the ticket's live token: false when the token is wrong,
    /// expired, or spent by <paramref name="maxSubmissions"/> earlier ones (then it is deleted).
    /// </summary>
    public async Task<bool> CountSubmissionAsync(TicketId id, ResetToken token, DateTimeOffset now, int maxSubmissions) =>
        (long)(await redis.AtMostOnceAsync(db => db.ScriptEvaluateAsync(
            LuaScripts.CountSubmission,
            [RedisKeys.Ticket(id.Value), RedisKeys.Token(id.Value)],
            [Ms(now), hmac.Token(id.Value, token.Value), maxSubmissions]))) == 1;

    /// <summary>Uncounts a submission that a dependency failure (a 503) ended before it was judged.</summary>
    public async Task UncountSubmissionAsync(TicketId id) =>
        await redis.AtMostOnceAsync(db => db.ScriptEvaluateAsync(LuaScripts.UncountSubmission, [RedisKeys.Ticket(id.Value)]));

    /// <summary>Takes the token for one password change: "ok", "invalid", "state" or "not_found".</summary>
    public async Task<string> TakeTokenAsync(TicketId id, ResetToken token, DateTimeOffset now) =>
        (string)(await redis.AtMostOnceAsync(db => db.ScriptEvaluateAsync(
            LuaScripts.ConsumeToken,
            [RedisKeys.Ticket(id.Value), RedisKeys.Token(id.Value)],
            [Ms(now), hmac.Token(id.Value, token.Value)])))!;

    /// <summary>Gives a taken token back, and uncounts its submission, after the change failed to commit (SET NX: repeatable).</summary>
    public async Task GiveTokenBackAsync(TicketId id, ResetToken token, DateTimeOffset now) =>
        await redis.RepeatableAsync(db => db.ScriptEvaluateAsync(
            LuaScripts.RestoreToken,
            [RedisKeys.Ticket(id.Value), RedisKeys.Token(id.Value)],
            [Ms(now), hmac.Token(id.Value, token.Value)]));

    public async Task MarkCompletedAsync(TicketId id)
    {
        // Only while the ticket exists: a plain HSET on an expired ticket would recreate it without a TTL.
        var key = RedisKeys.Ticket(id.Value);
        await redis.RepeatableAsync(db =>
        {
            var transaction = db.CreateTransaction();
            transaction.AddCondition(Condition.KeyExists(key));
            _ = transaction.HashSetAsync(key, "status", TicketStatus.Completed.ToWire());
            return transaction.ExecuteAsync();
        });
    }

    /// <summary>Voids every other open ticket of the account, with its code and token.</summary>
    public Task VoidOtherTicketsAsync(string accountKey, TicketId keep) => VoidTicketsAsync(accountKey, keep.Value);

    /// <summary>Voids every open ticket of the account: the shop changed where its codes go, or locked it.</summary>
    public Task VoidAllTicketsAsync(string accountKey) => VoidTicketsAsync(accountKey, keep: null);

    private async Task VoidTicketsAsync(string accountKey, string? keep)
    {
        var listKey = RedisKeys.AccountTickets(hmac.AccountKey(accountKey));
        var ids = await redis.RepeatableAsync(db => db.SetMembersAsync(listKey));
        foreach (var other in ids.Select(v => v.ToString()).Where(v => v != keep))
        {
            // One DEL per ticket: its keys share a hash slot.
            await redis.RepeatableAsync(db => db.KeyDeleteAsync([RedisKeys.Ticket(other), RedisKeys.Code(other), RedisKeys.Token(other)]));
            await redis.RepeatableAsync(db => db.SetRemoveAsync(listKey, other));
        }
    }

    private static string Ms(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    private static DateTimeOffset FromMs(string text) =>
        DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(text, CultureInfo.InvariantCulture));

    private static DateTimeOffset? OptionalMs(string? text) => string.IsNullOrEmpty(text) ? null : FromMs(text);

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}

public sealed record StoreCodeResult(CodeRequestDecision Decision, DateTimeOffset? At);

public sealed record CodeCheckResult(
    CodeCheckOutcome Outcome, int AttemptsRemaining, ResetToken? Token, DateTimeOffset? TokenExpiresAt, TimeSpan? FrozenFor);

using System.Globalization;
using Reset.Domain.Tickets;
using Reset.Infrastructure.RateLimiting;
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

    /// <summary>
    /// Books a code request if the ticket's own rules allow one now (cooldown, per-ticket cap), and
    /// reads alongside, in the same round trip, whether the account's wrong-code budget is spent:
    /// that decides which kind of code to send.
    /// </summary>
    public async Task<CodeRequest> RequestCodeAsync(ResetTicket ticket, DateTimeOffset now, ResetRules rules)
    {
        var id = ticket.Id.Value;
        var booked = redis.AtMostOnceAsync(db => db.ScriptEvaluateAsync(
            LuaScripts.RequestCode,
            [RedisKeys.Ticket(id)],
            [Ms(now), Ms(ticket.CodeExpiryFor(now, rules)), (long)rules.ResendCooldown.TotalMilliseconds, rules.MaxCodesPerTicket]));
        var wrongCodes = redis.RepeatableAsync(db => db.StringGetAsync(RedisKeys.AccountWrongCodes(hmac.AccountKey(ticket.AccountKey))));
        await Task.WhenAll(booked, wrongCodes);

        var result = (RedisResult[])(await booked)!;
        var budgetSpent = (await wrongCodes) is { HasValue: true } used && (long)used >= rules.MaxWrongCodesPerAccount;
        var decision = (string?)result[0] switch
        {
            "ok" => CodeRequestDecision.Allowed,
            "too_soon" => CodeRequestDecision.TooSoon,
            "no_codes_left" => CodeRequestDecision.NoCodesLeft,
            "locked" => CodeRequestDecision.TicketLocked,
            "state" => CodeRequestDecision.WrongState,
            _ => CodeRequestDecision.TicketExpired,
        };
        return new CodeRequest(decision, decision == CodeRequestDecision.TooSoon ? FromMs((string)result[1]!) : null,
            VerificationCode.KindToSend(budgetSpent),
            decision == CodeRequestDecision.Allowed ? [Ms(now), .. result[1..].Select(r => (string)r!)] : null);
    }

    /// <summary>Undoes a booked request whose code never went out, so a retry is not "too soon".</summary>
    public Task ReleaseCodeRequestAsync(ResetTicket ticket, CodeRequest booked) =>
        redis.RepeatableAsync(db => db.ScriptEvaluateAsync(
            LuaScripts.ReleaseCodeRequest, [RedisKeys.Ticket(ticket.Id.Value)],
            [.. booked.Booking!.Select(value => (RedisValue)value)]));

    /// <summary>
    /// Gives a booked request its code: <paramref name="code"/>, stored as the account's newest and
    /// counted against <paramref name="sendBudget"/>, or, once that is spent, the account's newest code
    /// again (nothing to e-mail). See issue_code.lua.
    /// </summary>
    public async Task<IssuedCode> IssueCodeAsync(ResetTicket ticket, VerificationCode code, DateTimeOffset now, ResetRules rules, RateLimit sendBudget)
    {
        var accountMac = hmac.AccountKey(ticket.AccountKey);
        var result = (RedisResult[])(await redis.AtMostOnceAsync(db => db.ScriptEvaluateAsync(
            LuaScripts.IssueCode,
            [RedisKeys.AccountCode(accountMac), RedisKeys.AccountCodesSent(accountMac), RedisKeys.AccountWrongCodes(accountMac)],
            [
                Ms(now), hmac.Code(accountMac, code.Value), KindName(code.Kind), Ms(now + rules.CodeLifetime),
                sendBudget.Limit, (long)sendBudget.Window.TotalMilliseconds, rules.MaxWrongCodesPerAccount,
            ])))!;
        var expiresAt = FromMs((string)result[1]!);
        if ((string?)result[0] == "new")
        {
            return new IssuedCode(IsNew: true, Min(expiresAt, ticket.ExpiresAt));
        }

        // The ticket said when its code expires as if a new one went out; the reused one expires sooner.
        var reusedUntil = Min(expiresAt, ticket.ExpiresAt);
        await SetWhileTicketLivesAsync(ticket.Id, "code_exp", Ms(reusedUntil));
        return new IssuedCode(IsNew: false, reusedUntil);
    }

    /// <summary>Withdraws a new code whose e-mail could not be queued (unless a newer one replaced it).</summary>
    public Task WithdrawCodeAsync(ResetTicket ticket, VerificationCode code)
    {
        var accountMac = hmac.AccountKey(ticket.AccountKey);
        return redis.RepeatableAsync(db => db.ScriptEvaluateAsync(
            LuaScripts.WithdrawCode,
            [RedisKeys.AccountCode(accountMac), RedisKeys.AccountCodesSent(accountMac)],
            [hmac.Code(accountMac, code.Value)]));
    }

    /// <summary>
    /// Checks a typed code in three atomic steps: books an attempt on the ticket, compares with the
    /// account's newest code (consuming it when right; a six-digit guess also spends from the
    /// account's daily budget), and on a match verifies the ticket and stores a reset token.
    /// </summary>
    public async Task<CodeCheckResult> CheckCodeAsync(ResetTicket ticket, VerificationCode code, DateTimeOffset now, ResetRules rules)
    {
        var id = ticket.Id.Value;
        var begun = (RedisResult[])(await redis.AtMostOnceAsync(db => db.ScriptEvaluateAsync(
            LuaScripts.BeginAttempt, [RedisKeys.Ticket(id)], [Ms(now), rules.MaxWrongCodesPerTicket])))!;
        switch ((string?)begun[0])
        {
            case "ok":
                break;
            case "locked":
                return new CodeCheckResult(CodeCheckOutcome.Locked, 0, null, null);
            case "state":
                return new CodeCheckResult(CodeCheckOutcome.WrongState, 0, null, null);
            default:
                return new CodeCheckResult(CodeCheckOutcome.NotFound, 0, null, null);
        }

        var attemptsLeft = int.Parse((string)begun[1]!, CultureInfo.InvariantCulture);
        var accountMac = hmac.AccountKey(ticket.AccountKey);
        var compared = (string?)(await redis.AtMostOnceAsync(db => db.ScriptEvaluateAsync(
            LuaScripts.CheckCode,
            [RedisKeys.AccountCode(accountMac), RedisKeys.AccountWrongCodes(accountMac)],
            [
                Ms(now), hmac.Code(accountMac, code.Value), KindName(code.Kind), ticket.IsDecoy ? "1" : "0",
                rules.MaxWrongCodesPerAccount, (long)rules.WrongCodeWindow.TotalMilliseconds,
            ])));
        if (compared != "match")
        {
            return attemptsLeft == 0
                ? new CodeCheckResult(CodeCheckOutcome.WrongAndLocked, 0, null, null)
                : new CodeCheckResult(CodeCheckOutcome.Wrong, attemptsLeft, null, null);
        }

        var token = ResetToken.New();
        var finished = (RedisResult[])(await redis.AtMostOnceAsync(db => db.ScriptEvaluateAsync(
            LuaScripts.FinishVerification,
            [RedisKeys.Ticket(id), RedisKeys.Token(id)],
            [Ms(now), hmac.Token(id, token.Value), Ms(now + rules.ResetTokenLifetime)])))!;
        return (string?)finished[0] == "verified"
            ? new CodeCheckResult(CodeCheckOutcome.Verified, 0, token, FromMs((string)finished[1]!))
            : new CodeCheckResult(CodeCheckOutcome.NotFound, 0, null, null);
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

    public Task MarkCompletedAsync(TicketId id) => SetWhileTicketLivesAsync(id, "status", TicketStatus.Completed.ToWire());

    /// <summary>Sets one field of the ticket, only while it exists: a plain HSET on an expired ticket would recreate it without a TTL.</summary>
    private Task SetWhileTicketLivesAsync(TicketId id, string field, string value)
    {
        var key = RedisKeys.Ticket(id.Value);
        return redis.RepeatableAsync(db =>
        {
            var transaction = db.CreateTransaction();
            transaction.AddCondition(Condition.KeyExists(key));
            _ = transaction.HashSetAsync(key, field, value);
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
            await redis.RepeatableAsync(db => db.KeyDeleteAsync([RedisKeys.Ticket(other), RedisKeys.Token(other)]));
            await redis.RepeatableAsync(db => db.SetRemoveAsync(listKey, other));
        }

        // The newest code went to the mailbox these tickets served: it must not verify on a later one.
        await redis.RepeatableAsync(db => db.KeyDeleteAsync(RedisKeys.AccountCode(hmac.AccountKey(accountKey))));
    }

    private static string Ms(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    private static DateTimeOffset FromMs(string text) =>
        DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(text, CultureInfo.InvariantCulture));

    private static DateTimeOffset? OptionalMs(string? text) => string.IsNullOrEmpty(text) ? null : FromMs(text);

    private static string KindName(CodeKind kind) => kind == CodeKind.Long ? "long" : "short";

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}

/// <summary>
/// What the ticket said to a code request, and which kind of code a new one must be. An allowed
/// request carries its booking: what the ticket was before, to undo it if the code never goes out.
/// </summary>
public sealed record CodeRequest(CodeRequestDecision Decision, DateTimeOffset? RetryAt, CodeKind KindToSend, string[]? Booking);

/// <summary>The code a booked request got: new (to e-mail) or the account's newest again; when it expires.</summary>
public sealed record IssuedCode(bool IsNew, DateTimeOffset ExpiresAt);

public sealed record CodeCheckResult(CodeCheckOutcome Outcome, int AttemptsRemaining, ResetToken? Token, DateTimeOffset? TokenExpiresAt);

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Polly.CircuitBreaker;
using Reset.Infrastructure.Persistence;

namespace Reset.Infrastructure.Email;

/// <summary>
/// Sends what the outbox holds, one message at a time:
/// 1. claim: one UPDATE … FOR UPDATE SKIP LOCKED moves the message's next attempt a lease ahead, so
///    no other instance takes it while this one works on it, and no transaction stays open meanwhile;
/// 2. send it (a message past its NotAfter, whose code has expired, is dropped unsent instead);
/// 3. record the outcome, retrying the write while PostgreSQL is away: a message the relay took but
///    that is not marked sent would be sent again once the lease ends.
/// A code e-mail's content is sealed (<see cref="OutboxCipher"/>) and opened only here, right before
/// the send; one that does not open (sealed under a rotated Secrets:HmacKey, or altered) is dropped,
/// logged and counted, and the dispatcher goes on. Contents holding a code are erased once sent or
/// dropped, and rows past Email:Outbox:Retention are deleted, checked once an hour.
/// </summary>
/// <remarks>
/// Delivery is at least once, as with any outbox in front of SMTP: an instance that dies between the
/// relay's acceptance and step 3 leaves the message to be sent again after the lease. Each message
/// carries a stable Message-ID, so a mail system can tell such a copy.
/// </remarks>
internal sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEmailTransport transport,
    OutboxSignal signal,
    OutboxMetrics metrics,
    OutboxCipher cipher,
    IOptions<EmailOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 20;
    private const string Erased = "[erased]";

    /// <summary>How long a claim keeps other instances off a message: well past a send's own bound.</summary>
    internal static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>How long the outcome of a send is retried while PostgreSQL is away, inside the lease.</summary>
    private static readonly TimeSpan RecordDeadline = TimeSpan.FromSeconds(60);

    /// <summary>How often old rows are looked for; every instance does it, and a DELETE twice is harmless.</summary>
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);

    /// <summary>Rows deleted per statement, so a large backlog never holds many row locks at once.</summary>
    private const int PurgeBatch = 1000;

    private readonly EmailOptions _options = options.Value;
    private DateTimeOffset _nextPurge = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await DispatchBatchAsync(stoppingToken);
                if (time.GetUtcNow() >= _nextPurge)
                {
                    await PurgeAsync(stoppingToken);
                    _nextPurge = time.GetUtcNow() + PurgeInterval;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (DependencyFailures.IsDependencyFailure(exception))
            {
                // PostgreSQL is away: the messages wait in the table; try again at the next poll.
                LogDispatchFailed(exception.GetType().Name);
            }

            if (handled < BatchSize)
            {
                try
                {
                    await signal.WaitAsync(_options.Outbox.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Claims, sends and records up to a batch of messages; returns how many it handled.</summary>
    internal async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        // Stopping means stopping after the current message: a claim is never taken once asked to stop.
        while (handled < BatchSize && !cancellationToken.IsCancellationRequested)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ResetDbContext>();
            if (await ClaimAsync(db, cancellationToken) is not { } message)
            {
                break;
            }

            handled++;
            // Not cancelled by shutdown: the host waits for it, bounded by the SMTP pipeline.
            var outcome = await SettleAsync(message);
            await RecordAsync(db, message);
            if (outcome == Outcome.RelayUnavailable)
            {
                break;
            }
        }

        return handled;
    }

    /// <summary>Deletes sent and dropped messages older than the retention; returns how many.</summary>
    internal async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResetDbContext>();
        var cutoff = time.GetUtcNow() - _options.Outbox.Retention;
        var purged = 0;
        int deleted;
        do
        {
            // Pending messages (neither sent nor dropped) are never deleted, however old.
            deleted = await db.Database.ExecuteSqlAsync($"""
                DELETE FROM outbox_messages WHERE id IN (
                    SELECT id FROM outbox_messages
                    WHERE sent_at < {cutoff} OR dropped_at < {cutoff}
                    LIMIT {PurgeBatch})
                """, cancellationToken);
            purged += deleted;
        }
        while (deleted == PurgeBatch);

        if (purged > 0)
        {
            LogPurged(purged, _options.Outbox.Retention);
        }

        return purged;
    }

    private async Task<OutboxMessage?> ClaimAsync(ResetDbContext db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var leaseEnds = now + Lease;
        var claimed = await db.OutboxMessages
            .FromSql($"""
                UPDATE outbox_messages SET next_attempt_at = {leaseEnds}
                WHERE id = (
                    SELECT id FROM outbox_messages
                    WHERE sent_at IS NULL AND dropped_at IS NULL AND next_attempt_at <= {now}
                    ORDER BY next_attempt_at
                    LIMIT 1
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """)
            .ToListAsync(cancellationToken);
        return claimed.SingleOrDefault();
    }

    private async Task<Outcome> SettleAsync(OutboxMessage message)
    {
        var now = time.GetUtcNow();
        if (message.NotAfter is { } notAfter && now >= notAfter)
        {
            message.DroppedAt = now;
            message.LastError = "expired";
            Erase(message);
            metrics.Dropped(message.Kind, "expired");
            LogExpired(message.Id, message.Kind, message.Attempts);
            return Outcome.Done;
        }

        if (Open(message) is not { } content)
        {
            message.DroppedAt = now;
            message.LastError = "undecryptable";
            Erase(message);
            metrics.Dropped(message.Kind, "undecryptable");
            LogUndecryptable(message.Id, message.Kind);
            return Outcome.Done;
        }

        try
        {
            await transport.SendAsync(ToMime(message, content), CancellationToken.None);
            message.SentAt = time.GetUtcNow();
            Erase(message);
            metrics.Sent(message.Kind);
            LogSent(message.Id, message.Kind);
            return Outcome.Done;
        }
        catch (BrokenCircuitException broken)
        {
            // The relay failed again and again just now: wait out the breaker; this costs no attempt.
            message.NextAttemptAt = Cap(time.GetUtcNow() + (broken.RetryAfter ?? TimeSpan.FromSeconds(5)), message);
            message.LastError = "SMTP circuit open";
            LogPaused(message.Id, message.Kind, message.NextAttemptAt);
            return Outcome.RelayUnavailable;
        }
        catch (Exception exception) when (IsPermanent(exception))
        {
            // The relay refused this message for good (5xx): retrying would only repeat the refusal.
            message.Attempts++;
            message.DroppedAt = time.GetUtcNow();
            message.LastError = Describe(exception);
            Erase(message);
            metrics.Dropped(message.Kind, "refused");
            LogRefused(message.Id, message.Kind, message.LastError);
            return Outcome.Done;
        }
        catch (Exception exception)
        {
            message.Attempts++;
            message.NextAttemptAt = Cap(time.GetUtcNow() + Backoff(message.Attempts), message);
            // The type and SMTP status only: an exception message could quote the recipient or more.
            message.LastError = Describe(exception);
            metrics.Failed(message.Kind);
            LogRetry(message.Id, message.Kind, message.Attempts, message.LastError, message.NextAttemptAt);
            return Outcome.Done;
        }
    }

    /// <summary>
    /// Writes the outcome. After a send this must not be lost, so PostgreSQL failures are retried
    /// (the write is idempotent) for up to a minute, well inside the lease.
    /// </summary>
    private async Task RecordAsync(ResetDbContext db, OutboxMessage message)
    {
        var deadline = time.GetUtcNow() + RecordDeadline;
        while (true)
        {
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
                return;
            }
            catch (Exception exception) when (DependencyFailures.IsDependencyFailure(exception) && time.GetUtcNow() < deadline)
            {
                LogRecordRetry(message.Id, exception.GetType().Name);
                await Task.Delay(TimeSpan.FromMilliseconds(500), time, CancellationToken.None);
            }
        }
    }

    /// <summary>2 s, 4 s, 8 s … up to a minute, with jitter so instances do not retry in step.</summary>
    internal static TimeSpan Backoff(int attempts)
    {
        var seconds = Math.Min(60, Math.Pow(2, Math.Min(attempts, 6)));
        return TimeSpan.FromSeconds(seconds * (0.8 + (Random.Shared.NextDouble() * 0.4)));
    }

    /// <summary>Never later than the message's expiry: it is then dropped, and counted, on time.</summary>
    private static DateTimeOffset Cap(DateTimeOffset next, OutboxMessage message) =>
        message.NotAfter is { } notAfter && next > notAfter ? notAfter : next;

    /// <summary>The content to send: opened from its seal, or as stored for a message that holds no secret.</summary>
    private EmailContent? Open(OutboxMessage message) =>
        message.SealedContent is { } sealedContent
            ? cipher.TryOpen(message.Id, message.Kind, message.Recipient, sealedContent)
            : new EmailContent(message.Subject, message.TextBody ?? string.Empty, message.HtmlBody ?? string.Empty);

    private MimeMessage ToMime(OutboxMessage message, EmailContent content)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(_options.From));
        mime.To.Add(MailboxAddress.Parse(message.Recipient));
        mime.Subject = content.Subject;
        // The same on every attempt: a copy sent again after a crash is recognisable as a copy.
        mime.MessageId = $"{message.Id:N}@{SenderDomain()}";
        mime.Body = new BodyBuilder { TextBody = NullIfEmpty(content.Text), HtmlBody = NullIfEmpty(content.Html) }.ToMessageBody();
        return mime;
    }

    private string SenderDomain() =>
        MailboxAddress.Parse(_options.From).Domain is { Length: > 0 } domain ? domain : "reset-service";

    private static void Erase(OutboxMessage message)
    {
        if (message.ContainsSecret)
        {
            message.Subject = Erased;
            message.TextBody = null;
            message.HtmlBody = null;
            message.SealedContent = null;
        }
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static bool IsPermanent(Exception exception) =>
        exception is MailKit.Net.Smtp.SmtpCommandException { StatusCode: >= (MailKit.Net.Smtp.SmtpStatusCode)500 }
            or ParseException;

    private static string Describe(Exception exception) => exception switch
    {
        MailKit.Net.Smtp.SmtpCommandException smtp => $"SMTP {(int)smtp.StatusCode} {smtp.ErrorCode}",
        MailKit.Net.Smtp.SmtpProtocolException => "SMTP protocol error",
        _ => exception.GetType().Name,
    };

    private enum Outcome
    {
        Done,
        RelayUnavailable,
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {Id} ({Kind}) sent")]
    private partial void LogSent(Guid id, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} ({Kind}) expired unsent after {Attempts} attempts and was dropped")]
    private partial void LogExpired(Guid id, string kind, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} ({Kind}) failed, attempt {Attempts}: {Error}; next try at {NextAttemptAt}")]
    private partial void LogRetry(Guid id, string kind, int attempts, string error, DateTimeOffset nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} ({Kind}) waits for the SMTP circuit to close; next try at {NextAttemptAt}")]
    private partial void LogPaused(Guid id, string kind, DateTimeOffset nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {Id} ({Kind}) refused for good: {Error}; dropped")]
    private partial void LogRefused(Guid id, string kind, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {Id} ({Kind}) does not open (sealed under another Secrets:HmacKey, or altered); dropped unsent")]
    private partial void LogUndecryptable(Guid id, string kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox: deleted {Count} sent or dropped messages older than {Retention}")]
    private partial void LogPurged(int count, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox dispatch failed ({Error}); retrying at the next poll")]
    private partial void LogDispatchFailed(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id}: recording its outcome failed ({Error}); retrying")]
    private partial void LogRecordRetry(Guid id, string error);
}

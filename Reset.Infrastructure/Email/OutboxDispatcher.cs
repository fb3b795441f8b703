using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Reset.Infrastructure.Persistence;

namespace Reset.Infrastructure.Email;

/// <summary>
/// Sends what the outbox holds. Rows are claimed with FOR UPDATE SKIP LOCKED, so several instances
/// dispatch side by side without sending one message twice. A message past its NotAfter (its code
/// has expired) is dropped unsent. Bodies holding a code are erased once sent or dropped.
/// </summary>
internal sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEmailTransport transport,
    OutboxSignal signal,
    IOptions<EmailOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 20;
    private const string Erased = "[erased]";
    private readonly EmailOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await DispatchBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is DbUpdateException or Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
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

    /// <summary>Claims, sends and settles one batch; returns how many messages it handled.</summary>
    internal async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResetDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var batch = await db.OutboxMessages
            .FromSql($"""
                SELECT * FROM outbox_messages
                WHERE sent_at IS NULL AND dropped_at IS NULL AND next_attempt_at <= {now}
                ORDER BY next_attempt_at
                LIMIT {BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);

        foreach (var message in batch)
        {
            // Stopping after the current message: the rest stay claimed only until this transaction ends.
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            // Not cancelled by shutdown: a message half-sent would be sent again by the next instance.
            // The SMTP timeout bounds it, well within the host's shutdown timeout.
            await SettleAsync(message);
        }

        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        return batch.Count;
    }

    private async Task SettleAsync(OutboxMessage message)
    {
        var now = time.GetUtcNow();
        if (message.NotAfter is { } notAfter && now >= notAfter)
        {
            message.DroppedAt = now;
            Erase(message);
            LogDropped(message.Id, message.Kind);
            return;
        }

        try
        {
            await transport.SendAsync(ToMime(message), CancellationToken.None);
            message.SentAt = time.GetUtcNow();
            Erase(message);
            LogSent(message.Id, message.Kind);
        }
        catch (Exception exception) when (IsPermanent(exception))
        {
            // The relay refused this message for good (5xx): retrying would only repeat the refusal.
            message.Attempts++;
            message.DroppedAt = time.GetUtcNow();
            message.LastError = Describe(exception);
            Erase(message);
            LogRefused(message.Id, message.Kind, message.LastError);
        }
        catch (Exception exception)
        {
            message.Attempts++;
            message.NextAttemptAt = time.GetUtcNow() + Backoff(message.Attempts);
            // The type and SMTP status only: an exception message could quote the recipient or more.
            message.LastError = Describe(exception);
            LogRetry(message.Id, message.Kind, message.Attempts, message.LastError, message.NextAttemptAt);
        }
    }

    /// <summary>2 s, 4 s, 8 s … up to 5 minutes, with jitter so instances do not retry in step.</summary>
    internal static TimeSpan Backoff(int attempts)
    {
        var seconds = Math.Min(300, Math.Pow(2, Math.Min(attempts, 9)));
        return TimeSpan.FromSeconds(seconds * (0.8 + (Random.Shared.NextDouble() * 0.4)));
    }

    private MimeMessage ToMime(OutboxMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(_options.From));
        mime.To.Add(MailboxAddress.Parse(message.Recipient));
        mime.Subject = message.Subject;
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }

    private static void Erase(OutboxMessage message)
    {
        if (message.ContainsSecret)
        {
            message.Subject = Erased;
            message.TextBody = null;
            message.HtmlBody = null;
        }
    }

    private static bool IsPermanent(Exception exception) =>
        exception is MailKit.Net.Smtp.SmtpCommandException { StatusCode: >= (MailKit.Net.Smtp.SmtpStatusCode)500 }
            or ParseException;

    private static string Describe(Exception exception) => exception switch
    {
        MailKit.Net.Smtp.SmtpCommandException smtp => $"SMTP {(int)smtp.StatusCode} {smtp.ErrorCode}",
        MailKit.Net.Smtp.SmtpProtocolException => "SMTP protocol error",
        _ => exception.GetType().Name,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {Id} ({Kind}) sent")]
    private partial void LogSent(Guid id, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} ({Kind}) expired unsent and was dropped")]
    private partial void LogDropped(Guid id, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} ({Kind}) failed, attempt {Attempts}: {Error}; next try at {NextAttemptAt}")]
    private partial void LogRetry(Guid id, string kind, int attempts, string error, DateTimeOffset nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {Id} ({Kind}) refused for good: {Error}; dropped")]
    private partial void LogRefused(Guid id, string kind, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox dispatch failed ({Error}); retrying at the next poll")]
    private partial void LogDispatchFailed(string error);
}

using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reset.Domain.Tickets;
using Reset.Infrastructure.Configuration;
using Reset.Infrastructure.Email.Templates;
using Reset.Infrastructure.Localization;
using Reset.Infrastructure.Persistence;
using Reset.Infrastructure.RateLimiting;
using Reset.Infrastructure.Redis;

namespace Reset.Infrastructure.Email;

/// <summary>
/// Gives a ticket its next code and queues the e-mail. The ticket books the request first (its
/// cooldown and cap); then the account's mailbox gets a new code, or, once its send budget is spent,
/// the newest code it already has serves this ticket too, and nothing is sent. A new code is stored
/// in Redis before its outbox row commits, so no e-mail ever carries a code that does not work; when
/// the commit fails, the code and the ticket's booking are undone. Used by "Get code" and by resets
/// started through the internal API.
/// </summary>
public sealed partial class ResetCodeQueue(
    ResetDbContext db, ResetTicketStore tickets, OutboxSignal outbox, IOptions<ShopOptions> shop, IOptions<EmailOptions> email,
    OutboxCipher cipher, IOptions<RateLimitOptions> limits, ILogger<ResetCodeQueue> logger)
{
    /// <summary>
    /// Rows the caller has added to the same (scoped) <see cref="ResetDbContext"/> commit in the same
    /// transaction as the outbox row. A decoy ticket writes a decoy row instead, so its timing matches.
    /// </summary>
    public async Task<QueuedCode> QueueAsync(ResetTicket ticket, DateTimeOffset now, ResetRules rules, CancellationToken cancellationToken)
    {
        var request = await tickets.RequestCodeAsync(ticket, now, rules);
        if (request.Decision != CodeRequestDecision.Allowed)
        {
            return new QueuedCode(request.Decision, request.RetryAt);
        }

        var code = request.KindToSend == CodeKind.Long
            ? VerificationCode.GenerateLong(RandomNumberGenerator.GetInt32)
            : VerificationCode.Generate(RandomNumberGenerator.GetInt32);
        IssuedCode issued;
        try
        {
            issued = await tickets.IssueCodeAsync(ticket, code, now, rules, limits.Value.SendCodePerDestination);
            if (issued.IsNew)
            {
                // A decoy renders and seals the same e-mail, so both do the same work.
                var content = EmailTemplates.ResetCode(code.Display, issued.ExpiresAt - now, shop.Value, Languages.FromTag(ticket.Locale), email.Value.CodeInSubject);
                db.OutboxMessages.Add(ticket.IsDecoy
                    ? Outbox.Decoy(content, now, cipher)
                    : Outbox.Sealed(Outbox.ResetCodeKind, ticket.Recipient!, content, now, notAfter: issued.ExpiresAt, cipher, SendAfter(now)));
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // Nothing reached the mailbox: withdraw the code (a spent send budget must never hand out
            // one that was not e-mailed) and the booking, so the customer's retry is not "too soon".
            await UndoAsync(ticket, code, request);
            throw;
        }

        if (issued.IsNew && email.Value.Outbox.SendJitter == TimeSpan.Zero)
        {
            outbox.Notify();
        }

        return new QueuedCode(CodeRequestDecision.Allowed, issued.ExpiresAt);
    }

    /// <summary>When the dispatcher may send a code e-mail: a random moment within the jitter (see <see cref="OutboxOptions.SendJitter"/>).</summary>
    private DateTimeOffset SendAfter(DateTimeOffset now) =>
        now + TimeSpan.FromMilliseconds(RandomNumberGenerator.GetInt32((int)email.Value.Outbox.SendJitter.TotalMilliseconds + 1));

    private async Task UndoAsync(ResetTicket ticket, VerificationCode code, CodeRequest request)
    {
        try
        {
            await tickets.WithdrawCodeAsync(ticket, code);
            await tickets.ReleaseCodeRequestAsync(ticket, request);
        }
        catch (Exception exception) when (DependencyFailures.IsDependencyFailure(exception))
        {
            // Redis is down too: the booking stands, and the customer waits out the cooldown.
            LogUndoFailed(logger, ticket.Id.Value, exception.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not undo the code request of ticket {TicketId} after its e-mail failed to queue ({Error})")]
    private static partial void LogUndoFailed(ILogger logger, string ticketId, string error);
}

/// <summary>
/// The ticket's decision (<see cref="CodeRequestDecision.Allowed"/>: a code is on its way or already
/// in the mailbox); <see cref="At"/> is when that code expires, or when to ask again if too soon.
/// </summary>
public sealed record QueuedCode(CodeRequestDecision Decision, DateTimeOffset? At);

using System.Security.Cryptography;
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
/// the commit fails, the stored code is forgotten again. Used by "Get code" and by resets started
/// through the internal API.
/// </summary>
public sealed class ResetCodeQueue(
    ResetDbContext db, ResetTicketStore tickets, OutboxSignal outbox, IOptions<ShopOptions> shop, IOptions<RateLimitOptions> limits)
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
        var issued = await tickets.IssueCodeAsync(ticket, code, now, rules, limits.Value.SendCodePerDestination);
        if (issued.IsNew)
        {
            db.OutboxMessages.Add(ticket.IsDecoy
                ? Outbox.Decoy(now)
                : Outbox.Message(Outbox.ResetCodeKind, ticket.Recipient!,
                    EmailTemplates.ResetCode(code.Display, issued.ExpiresAt - now, shop.Value, Languages.FromTag(ticket.Locale)),
                    now, notAfter: issued.ExpiresAt, containsSecret: true));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch when (issued.IsNew)
        {
            // The code is stored but its e-mail is not queued: forget it, or a spent send budget would
            // hand out a code that never reached the mailbox.
            await tickets.ForgetNewestCodeAsync(ticket.AccountKey);
            throw;
        }

        if (issued.IsNew)
        {
            outbox.Notify();
        }

        return new QueuedCode(CodeRequestDecision.Allowed, issued.ExpiresAt);
    }
}

/// <summary>
/// The ticket's decision (<see cref="CodeRequestDecision.Allowed"/>: a code is on its way or already
/// in the mailbox); <see cref="At"/> is when that code expires, or when to ask again if too soon.
/// </summary>
public sealed record QueuedCode(CodeRequestDecision Decision, DateTimeOffset? At);

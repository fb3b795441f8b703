using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Reset.Domain.Tickets;
using Reset.Infrastructure.Configuration;
using Reset.Infrastructure.Email.Templates;
using Reset.Infrastructure.Localization;
using Reset.Infrastructure.Persistence;
using Reset.Infrastructure.Redis;

namespace Reset.Infrastructure.Email;

/// <summary>
/// Makes a ticket's next code and queues its e-mail. The outbox row and the code's storage in Redis
/// succeed or fail together: the row commits only when the ticket took the code, so no e-mail ever
/// carries a code that does not work. Used by "Get code" and by resets started through the internal API.
/// </summary>
public sealed class ResetCodeQueue(
    ResetDbContext db, ResetTicketStore tickets, OutboxSignal outbox, IOptions<ShopOptions> shop, IOptions<EmailOptions> email, OutboxCipher cipher)
{
    /// <summary>
    /// Rows the caller has added to the same (scoped) <see cref="ResetDbContext"/> commit in the same
    /// transaction, or not at all. A decoy ticket writes a decoy row instead, so its timing matches.
    /// </summary>
    /// <returns>The ticket's decision: <see cref="CodeRequestDecision.Allowed"/> when the code is on its way.</returns>
    public async Task<StoreCodeResult> QueueAsync(ResetTicket ticket, DateTimeOffset now, ResetRules rules, CancellationToken cancellationToken)
    {
        var code = VerificationCode.Generate(RandomNumberGenerator.GetInt32);
        var codeExpiresAt = ticket.CodeExpiryFor(now, rules);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.OutboxMessages.Add(ticket.IsDecoy
            ? Outbox.Decoy(now)
            : Outbox.Sealed(Outbox.ResetCodeKind, ticket.Recipient!,
                EmailTemplates.ResetCode(code.Value, codeExpiresAt - now, shop.Value, Languages.FromTag(ticket.Locale), email.Value.CodeInSubject),
                now, notAfter: codeExpiresAt, cipher));
        await db.SaveChangesAsync(cancellationToken);

        // The store decides atomically; a parallel request may have used the cooldown or the last code.
        var stored = await tickets.StoreCodeAsync(ticket, code, now, rules);
        if (stored.Decision != CodeRequestDecision.Allowed)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return stored;
        }

        await transaction.CommitAsync(CancellationToken.None);
        outbox.Notify();
        return stored;
    }
}

namespace Reset.Infrastructure.Email;

/// <summary>Builds outbox rows. The caller adds them to its DbContext and commits them with its change.</summary>
public static class Outbox
{
    public const string ResetCodeKind = "reset_code";
    public const string DecoyCodeKind = "decoy_code";
    public const string PasswordChangedKind = "password_changed";
    public const string SupportRequestKind = "support_request";

    /// <summary>What the subject column says of a sealed message: the real subject is inside the seal.</summary>
    public const string SealedSubject = "[sealed]";

    /// <summary>A message that holds no secret, stored as it will be sent.</summary>
    public static OutboxMessage Message(
        string kind, string recipient, EmailContent content, DateTimeOffset now, DateTimeOffset? notAfter = null) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            Kind = kind,
            Recipient = recipient,
            Subject = content.Subject,
            TextBody = content.Text,
            HtmlBody = content.Html,
            CreatedAt = now,
            NotAfter = notAfter,
            NextAttemptAt = now,
        };

    /// <summary>
    /// A message that holds a secret (a code): its subject and bodies only sealed, bound to this row,
    /// so no column holds the secret in clear, not even before it is sent.
    /// </summary>
    public static OutboxMessage Sealed(
        string kind, string recipient, EmailContent content, DateTimeOffset now, DateTimeOffset? notAfter, OutboxCipher cipher,
        DateTimeOffset? sendAfter = null)
    {
        var id = Guid.CreateVersion7(now);
        return new OutboxMessage
        {
            Id = id,
            Kind = kind,
            Recipient = recipient,
            Subject = SealedSubject,
            ContainsSecret = true,
            SealedContent = cipher.Seal(id, kind, recipient, content),
            CreatedAt = now,
            NotAfter = notAfter,
            NextAttemptAt = sendAfter ?? now,
        };
    }

    /// <summary>
    /// What a decoy ticket writes where a real one queues its code: the same e-mail rendered, sealed
    /// and inserted in the same transaction, so neither the service's nor the database's timing tells
    /// anything. It is born dropped, is never sent, and names no recipient.
    /// </summary>
    public static OutboxMessage Decoy(EmailContent content, DateTimeOffset now, OutboxCipher cipher)
    {
        var id = Guid.CreateVersion7(now);
        return new OutboxMessage
        {
            Id = id,
            Kind = DecoyCodeKind,
            Recipient = string.Empty,
            Subject = SealedSubject,
            ContainsSecret = true,
            SealedContent = cipher.Seal(id, DecoyCodeKind, string.Empty, content),
            CreatedAt = now,
            NextAttemptAt = now,
            DroppedAt = now,
        };
    }
}

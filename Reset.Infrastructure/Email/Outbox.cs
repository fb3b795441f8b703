namespace Reset.Infrastructure.Email;

/// <summary>Builds outbox rows. The caller adds them to its DbContext and commits them with its change.</summary>
public static class Outbox
{
    public const string ResetCodeKind = "reset_code";
    public const string DecoyCodeKind = "decoy_code";
    public const string PasswordChangedKind = "password_changed";
    public const string SupportRequestKind = "support_request";

    public static OutboxMessage Message(
        string kind, string recipient, EmailContent content, DateTimeOffset now, DateTimeOffset? notAfter = null,
        bool containsSecret = false) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            Kind = kind,
            Recipient = recipient,
            Subject = content.Subject,
            TextBody = content.Text,
            HtmlBody = content.Html,
            ContainsSecret = containsSecret,
            CreatedAt = now,
            NotAfter = notAfter,
            NextAttemptAt = now,
        };

    /// <summary>
    /// What a decoy ticket writes where a real one queues its code: the same insert in the same
    /// transaction, so the database's timing tells nothing. It is born dropped and holds nothing.
    /// </summary>
    public static OutboxMessage Decoy(DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            Kind = DecoyCodeKind,
            Recipient = string.Empty,
            Subject = string.Empty,
            CreatedAt = now,
            NextAttemptAt = now,
            DroppedAt = now,
        };
}

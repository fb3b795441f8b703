namespace Reset.Infrastructure.Email;

/// <summary>
/// An e-mail waiting to be sent. Requests write it in the same transaction as the change it reports;
/// the dispatcher sends it later, so a slow relay never slows a request or reveals anything by timing.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    /// <summary>What the message is, e.g. "reset_code" or "password_changed", for logs and metrics.</summary>
    public required string Kind { get; set; }

    public required string Recipient { get; set; }

    public required string Subject { get; set; }

    /// <summary>Erased (set to null) once sent or expired when the message holds a code.</summary>
    public string? TextBody { get; set; }

    public string? HtmlBody { get; set; }

    public bool ContainsSecret { get; set; }

    /// <summary>
    /// A secret-bearing message's subject, text and HTML, sealed by <see cref="OutboxCipher"/>; then the
    /// plain columns hold a placeholder subject and no body. Erased once sent or dropped.
    /// </summary>
    public byte[]? SealedContent { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>After this instant the message is pointless (its code has expired) and is dropped unsent.</summary>
    public DateTimeOffset? NotAfter { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset? DroppedAt { get; set; }

    public string? LastError { get; set; }
}

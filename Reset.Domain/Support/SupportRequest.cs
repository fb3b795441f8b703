namespace Reset.Domain.Support;

/// <summary>
/// A customer who cannot use the e-mail code asks a person for help. The reference is what they
/// quote on the phone or in a reply, so it is short, unambiguous and not guessable.
/// </summary>
public sealed class SupportRequest
{
    public const int MaxMessageLength = 2000;

    private SupportRequest()
    {
        Reference = string.Empty;
        ContactEmail = string.Empty;
        Message = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Reference { get; private set; }

    /// <summary>The account the ticket resolved to; <c>null</c> when the login matched none.</summary>
    public Guid? UserId { get; private set; }

    public string? TicketId { get; private set; }

    public string ContactEmail { get; private set; }

    public string Message { get; private set; }

    public SupportRequestStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    /// <summary>Who resolved it: the id of the API key the support tool called with.</summary>
    public string? ResolvedBy { get; private set; }

    /// <summary>What support did, in its own words, for the next person who reads the case.</summary>
    public string? ResolutionNote { get; private set; }

    public static SupportRequest Open(
        Guid id, SupportReference reference, Guid? userId, string? ticketId, string contactEmail, string message,
        DateTimeOffset now) =>
        new()
        {
            Id = id,
            Reference = reference.Value,
            UserId = userId,
            TicketId = ticketId,
            ContactEmail = contactEmail,
            Message = message,
            Status = SupportRequestStatus.Open,
            CreatedAt = now,
        };

    /// <summary>Closes the request once; a second resolution is refused, so the first one's note stands.</summary>
    public void Resolve(string resolvedBy, string note, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(resolvedBy);
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        if (note.Length > MaxMessageLength)
        {
            throw new ArgumentException($"A resolution note has at most {MaxMessageLength} characters.", nameof(note));
        }

        if (Status == SupportRequestStatus.Resolved)
        {
            throw new InvalidOperationException("The support request is already resolved.");
        }

        Status = SupportRequestStatus.Resolved;
        ResolvedAt = now;
        ResolvedBy = resolvedBy;
        ResolutionNote = note;
    }
}

public enum SupportRequestStatus
{
    Open,
    Resolved,
}

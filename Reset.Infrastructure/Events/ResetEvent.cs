using System.Globalization;
using Reset.Domain.Support;
using Reset.Domain.Tickets;

namespace Reset.Infrastructure.Events;

/// <summary>
/// Something other services may want to know, waiting in the <c>event_outbox</c> table for the
/// <see cref="EventRelay"/> to put it on the Redis stream. A request adds it to its DbContext, so it
/// commits (or not) with the change it reports. It never holds a code, token, password or login typed.
/// </summary>
public sealed class ResetEvent
{
    private ResetEvent()
    {
        Type = string.Empty;
    }

    /// <summary>UUIDv7: unique, and ordered by time, so consumers can drop a copy delivered twice.</summary>
    public Guid Id { get; private set; }

    public string Type { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The customer; null for a ticket or support request whose login matched no account that may reset.</summary>
    public Guid? UserId { get; private set; }

    public string? TicketId { get; private set; }

    /// <summary>A support request's reference, e.g. "SR-7K4Q-2M9X".</summary>
    public string? Reference { get; private set; }

    /// <summary>The internal API key that asked for it; null when the customer did.</summary>
    public string? ApiKeyId { get; private set; }

    /// <summary>A ticket was started: by the customer (a decoy too, without a user), or through the internal API.</summary>
    public static ResetEvent ResetRequested(ResetTicket ticket, DateTimeOffset now, string? apiKeyId = null) =>
        New(ResetEventTypes.ResetRequested, now, ticket.UserId, ticket.Id.Value, apiKeyId: apiKeyId);

    public static ResetEvent CodeVerified(ResetTicket ticket, DateTimeOffset now) =>
        New(ResetEventTypes.CodeVerified, now, ticket.UserId, ticket.Id.Value);

    public static ResetEvent PasswordChanged(ResetTicket ticket, DateTimeOffset now) =>
        New(ResetEventTypes.PasswordChanged, now, ticket.UserId, ticket.Id.Value);

    public static ResetEvent SupportRequestOpened(SupportRequest request, DateTimeOffset now) =>
        New(ResetEventTypes.SupportRequestOpened, now, request.UserId, request.TicketId, request.Reference);

    /// <summary>The stream entry's fields; absent values are left out rather than sent empty.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields()
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("eventId", Id.ToString()),
            new("type", Type),
            new("occurredAt", OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
        };
        Add("userId", UserId?.ToString());
        Add("ticketId", TicketId);
        Add("reference", Reference);
        Add("apiKeyId", ApiKeyId);
        return fields;

        void Add(string name, string? value)
        {
            if (value is not null)
            {
                fields.Add(new(name, value));
            }
        }
    }

    private static ResetEvent New(
        string type, DateTimeOffset now, Guid? userId, string? ticketId, string? reference = null, string? apiKeyId = null) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            Type = type,
            OccurredAt = now,
            UserId = userId,
            TicketId = ticketId,
            Reference = reference,
            ApiKeyId = apiKeyId,
        };
}

/// <summary>The <c>type</c> field of stream entries: stable strings consumers switch on.</summary>
public static class ResetEventTypes
{
    public const string ResetRequested = "reset.requested";
    public const string CodeVerified = "code.verified";
    public const string PasswordChanged = "password.changed";
    public const string SupportRequestOpened = "support_request.opened";
}

namespace Reset.Domain.Audit;

/// <summary>Something that happened to an account, kept for the shop's security team.</summary>
public sealed class AuditEvent
{
    private AuditEvent()
    {
        Type = string.Empty;
    }

    public long Id { get; private set; }

    public Guid? UserId { get; private set; }

    public string Type { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The client address the request came from, as the trusted-proxy rules resolved it.</summary>
    public string? ClientIp { get; private set; }

    /// <summary>Non-secret context, such as the ticket id. Never a code, token or password.</summary>
    public string? Detail { get; private set; }

    public static AuditEvent Record(Guid? userId, string type, DateTimeOffset now, string? clientIp, string? detail) =>
        new() { UserId = userId, Type = type, OccurredAt = now, ClientIp = clientIp, Detail = detail };
}

/// <summary>The audit event types, stable strings that reports and alerts match on.</summary>
public static class AuditEventTypes
{
    public const string PasswordResetRequested = "password_reset.requested";
    public const string PasswordResetCodeVerified = "password_reset.code_verified";
    public const string PasswordResetTicketLocked = "password_reset.ticket_locked";
    public const string PasswordChanged = "password.changed";
    public const string SupportRequestOpened = "support_request.opened";
    public const string AccountProvisioned = "account.provisioned";
    public const string AccountUpdated = "account.updated";
    public const string SupportRequestResolved = "support_request.resolved";
}

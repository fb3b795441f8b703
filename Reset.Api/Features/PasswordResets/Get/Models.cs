using NJsonSchema.Annotations;

namespace Reset.Api.Features.PasswordResets.Get;

public sealed class Request
{
    public string TicketId { get; init; } = string.Empty;
}

/// <param name="Status">started, code_sent, verified, completed or locked.</param>
/// <param name="CodeExpiresAt">When the last code sent stops working; null before the first.</param>
/// <param name="ResendAvailableAt">The earliest time another code can be sent.</param>
/// <param name="SendsRemaining">Codes this ticket can still send.</param>
/// <param name="AttemptsRemaining">Wrong codes this ticket still tolerates before it locks.</param>
[JsonSchema("PasswordResetTicket")]
public sealed record Response(
    string TicketId,
    string Status,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<ResetMethod> Methods,
    DateTimeOffset? CodeExpiresAt,
    DateTimeOffset ResendAvailableAt,
    int SendsRemaining,
    int AttemptsRemaining);

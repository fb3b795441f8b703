namespace Reset.Api.Features.PasswordResets.SendCode;

/// <param name="Method">"email": the only method that sends a code.</param>
public sealed record Request(string TicketId, string? Method);

/// <param name="Destination">Where the code went, masked; null for member ID logins.</param>
/// <param name="CodeExpiresAt">The code stops working then.</param>
/// <param name="ResendAvailableAt">The earliest time to ask for another code.</param>
/// <param name="SendsRemaining">Codes this ticket can still send.</param>
public sealed record Response(string? Destination, DateTimeOffset CodeExpiresAt, DateTimeOffset ResendAvailableAt, int SendsRemaining);

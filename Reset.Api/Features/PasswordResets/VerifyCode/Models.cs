namespace Reset.Api.Features.PasswordResets.VerifyCode;

/// <param name="Code">The six digits from the e-mail, leading zeros included.</param>
public sealed record Request(string TicketId, string? Code);

/// <param name="ResetToken">Allows setting the password on this ticket, once. Keep it in memory only.</param>
public sealed record Response(string ResetToken, DateTimeOffset ResetTokenExpiresAt);

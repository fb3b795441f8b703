namespace Reset.Api.Features.PasswordResets.Start;

/// <param name="Login">The customer's e-mail address or member ID, as typed.</param>
/// <param name="HumanCheckToken">The human-check widget's payload (for ALTCHA, its base64 string).</param>
public sealed record Request(string? Login, string? HumanCheckToken);

/// <param name="TicketId">Names the ticket in every later step.</param>
/// <param name="Status">"started".</param>
/// <param name="ExpiresAt">After this the ticket is gone; start again.</param>
/// <param name="Methods">Ways to prove the account is yours: "email" (with the masked destination, or null) and "support".</param>
public sealed record Response(string TicketId, string Status, DateTimeOffset ExpiresAt, IReadOnlyList<ResetMethod> Methods);

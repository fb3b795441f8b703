using NJsonSchema.Annotations;
using Reset.Domain.Support;

namespace Reset.Api.Features.Internal.SupportRequests;

/// <param name="CaseId">The request's id.</param>
/// <param name="Reference">What the customer quotes, e.g. "SR-7K4Q-2M9X".</param>
/// <param name="Status">"open" or "resolved".</param>
/// <param name="UserId">The customer the login belonged to; null when it matched no account that may reset (check who is asking before acting).</param>
/// <param name="TicketId">The reset ticket it was opened from.</param>
/// <param name="ContactEmail">Where the customer asked to be answered; not necessarily the account's address.</param>
/// <param name="Message">The customer's words.</param>
/// <param name="ResolvedBy">The API key that resolved it.</param>
/// <param name="ResolutionNote">What support did.</param>
[JsonSchema("InternalSupportRequest")]
public sealed record SupportRequestResponse(
    Guid CaseId, string Reference, string Status, Guid? UserId, string? TicketId, string ContactEmail, string Message,
    DateTimeOffset CreatedAt, DateTimeOffset? ResolvedAt, string? ResolvedBy, string? ResolutionNote)
{
    public static SupportRequestResponse From(SupportRequest request) => new(
        request.Id, request.Reference, request.Status.ToString().ToLowerInvariant(), request.UserId, request.TicketId,
        request.ContactEmail, request.Message, request.CreatedAt, request.ResolvedAt, request.ResolvedBy, request.ResolutionNote);

    public static readonly SupportRequestResponse Example = new(
        Guid.Parse("019ac3a1-7a52-7c1e-9d3b-5f3f2b8e6a10"), "SR-7K4Q-2M9X", "open", Guid.Parse("019ac3a1-2b3c-7d4e-8f50-6a7b8c9d0e1f"),
        "k5v2mzq7d3x4hwa6ny8pcr3t2e", "john.personal@example.net", "I no longer have access to my work mailbox.",
        new DateTimeOffset(2026, 11, 26, 12, 5, 0, TimeSpan.Zero), null, null, null);
}

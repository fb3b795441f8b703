namespace Reset.Api.Features.PasswordResets.RequestSupport;

/// <param name="ContactEmail">Where support should answer: an address the customer can read now.</param>
/// <param name="Message">What happened, in the customer's words (up to 2000 characters).</param>
public sealed record Request(string TicketId, string? ContactEmail, string? Message);

/// <param name="CaseId">The support case's id.</param>
/// <param name="Reference">What the customer quotes to support, e.g. "SR-7K4Q-2M9X".</param>
public sealed record Response(Guid CaseId, string Reference);

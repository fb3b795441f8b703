using FastEndpoints;
using NJsonSchema.Annotations;

namespace Reset.Api.Features.PasswordResets.RequestSupport;

[JsonSchema("OpenSupportRequest")]
public sealed class Request
{
    public string TicketId { get; init; } = string.Empty;

    /// <summary>Where support should answer: an address the customer can read now.</summary>
    [DontBind(Source.QueryParam | Source.RouteParam)]
    public string? ContactEmail { get; init; }

    /// <summary>What happened, in the customer's words (up to 2000 characters).</summary>
    [DontBind(Source.QueryParam | Source.RouteParam)]
    public string? Message { get; init; }
}

/// <param name="CaseId">The support case's id.</param>
/// <param name="Reference">What the customer quotes to support, e.g. "SR-7K4Q-2M9X".</param>
[JsonSchema("SupportRequestOpened")]
public sealed record Response(Guid CaseId, string Reference);

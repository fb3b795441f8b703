using FastEndpoints;
using NJsonSchema.Annotations;

namespace Reset.Api.Features.PasswordResets.SendCode;

[JsonSchema("SendCodeRequest")]
public sealed class Request
{
    public string TicketId { get; init; } = string.Empty;

    /// <summary>"email": the only method that sends a code.</summary>
    [DontBind(Source.QueryParam | Source.RouteParam)]
    public string? Method { get; init; }
}

/// <param name="Destination">Where the code went, masked; null for member ID logins.</param>
/// <param name="CodeExpiresAt">The code stops working then.</param>
/// <param name="ResendAvailableAt">The earliest time to ask for another code.</param>
/// <param name="SendsRemaining">Codes this ticket can still send.</param>
[JsonSchema("CodeSent")]
public sealed record Response(string? Destination, DateTimeOffset CodeExpiresAt, DateTimeOffset ResendAvailableAt, int SendsRemaining);

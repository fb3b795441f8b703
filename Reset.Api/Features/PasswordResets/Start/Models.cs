using FastEndpoints;
using NJsonSchema.Annotations;

namespace Reset.Api.Features.PasswordResets.Start;

// Classes, not records: a record's ToString would print the human-check token into any log that
// formats the request. Fields come from the JSON body only, never from a URL.

[JsonSchema("StartPasswordResetRequest")]
public sealed class Request
{
    /// <summary>The customer's e-mail address or member ID, as typed.</summary>
    [DontBind(Source.QueryParam | Source.RouteParam)]
    public string? Login { get; init; }

    /// <summary>The human-check widget's payload (for ALTCHA, its base64 string).</summary>
    [DontBind(Source.QueryParam | Source.RouteParam)]
    public string? HumanCheckToken { get; init; }
}

/// <param name="TicketId">Names the ticket in every later step.</param>
/// <param name="Status">"started".</param>
/// <param name="ExpiresAt">After this the ticket is gone; start again.</param>
/// <param name="Methods">Ways to prove the account is yours: "email" (with the masked destination, or null) and "support".</param>
[JsonSchema("PasswordResetStarted")]
public sealed record Response(string TicketId, string Status, DateTimeOffset ExpiresAt, IReadOnlyList<ResetMethod> Methods);

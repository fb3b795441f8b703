using FastEndpoints;
using NJsonSchema.Annotations;

namespace Reset.Api.Features.PasswordResets.VerifyCode;

// Classes, not records: a record's ToString would print the code or the token.

[JsonSchema("VerifyCodeRequest")]
public sealed class Request
{
    public string TicketId { get; init; } = string.Empty;

    /// <summary>The six digits from the e-mail, leading zeros included.</summary>
    [DontBind(Source.QueryParam | Source.RouteParam)]
    public string? Code { get; init; }
}

[JsonSchema("CodeVerified")]
public sealed class Response
{
    /// <summary>Allows setting the password on this ticket, once. Keep it in memory only.</summary>
    public required string ResetToken { get; init; }

    public required DateTimeOffset ResetTokenExpiresAt { get; init; }
}

using FastEndpoints;
using NJsonSchema.Annotations;

namespace Reset.Api.Features.PasswordResets.SetPassword;

// A class, not a record: a record's ToString would print the passwords and the token.

[JsonSchema("SetPasswordRequest")]
public sealed class Request
{
    public string TicketId { get; init; } = string.Empty;

    /// <summary>From the code verification.</summary>
    [DontBind(Source.QueryParam | Source.RouteParam)]
    public string? ResetToken { get; init; }

    /// <summary>The new password: 12 to 128 characters, any characters, spaces too.</summary>
    [DontBind(Source.QueryParam | Source.RouteParam)]
    public string? NewPassword { get; init; }

    /// <summary>The same password again.</summary>
    [DontBind(Source.QueryParam | Source.RouteParam)]
    public string? ConfirmPassword { get; init; }
}

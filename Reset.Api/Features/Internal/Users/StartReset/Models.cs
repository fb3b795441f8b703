using NJsonSchema.Annotations;

namespace Reset.Api.Features.Internal.Users.StartReset;

[JsonSchema("StartResetForUserRequest")]
public sealed class Request
{
    public Guid Id { get; init; }
}

/// <param name="TicketId">The ticket the customer continues with on the public API: verify the e-mailed code, then set the password.</param>
/// <param name="ExpiresAt">After this the ticket is gone.</param>
/// <param name="Destination">Where the code went, masked ("j***n@e***.com"), to tell the customer which mailbox to look in.</param>
/// <param name="CodeExpiresAt">The code stops working then.</param>
[JsonSchema("ResetStartedForUser")]
public sealed record Response(string TicketId, DateTimeOffset ExpiresAt, string? Destination, DateTimeOffset CodeExpiresAt);

using FastEndpoints;
using NJsonSchema.Annotations;

namespace Reset.Api.Features.Internal.Users.Put;

// A class, not a record: a record's ToString would print the initial password into any log that
// formats the request.

/// <summary>
/// The whole profile: email, locale and status always; memberId and phone null (or left out) for none.
/// A password is given for a new customer only, as exactly one of initialPassword or passwordHash;
/// on an existing customer, passwordHash replaces the hash and initialPassword is refused.
/// </summary>
[JsonSchema("ProvisionUserRequest")]
public sealed class Request
{
    public Guid Id { get; init; }

    [DontBind(Source.QueryParam | Source.RouteParam)]
    public string? Email { get; init; }

    /// <summary>2–64 letters, digits, '.', '_' or '-'; stored in lower case.</summary>
    [DontBind(Source.QueryParam | Source.RouteParam)]
    public string? MemberId { get; init; }

    /// <summary>E.164 ("+380441234567"); spaces, dashes, dots and parentheses are dropped.</summary>
    [DontBind(Source.QueryParam | Source.RouteParam)]
    public string? Phone { get; init; }

    /// <summary>"en", "uk" or "ru": the language of e-mails to the customer.</summary>
    [DontBind(Source.QueryParam | Source.RouteParam)]
    public string? Locale { get; init; }

    /// <summary>"active", "locked" or "disabled"; only active customers can reset their password.</summary>
    [DontBind(Source.QueryParam | Source.RouteParam)]
    public string? Status { get; init; }

    /// <summary>New customers only: a password the policy accepts, hashed here with Argon2id.</summary>
    [DontBind(Source.QueryParam | Source.RouteParam)]
    public string? InitialPassword { get; init; }

    /// <summary>An Argon2id PHC string the shop already holds ($argon2id$v=19$m=…,t=…,p=…$salt$hash), verified with its own parameters.</summary>
    [DontBind(Source.QueryParam | Source.RouteParam)]
    public string? PasswordHash { get; init; }
}

using FastEndpoints;
using NJsonSchema.Annotations;

namespace Reset.Api.Features.PasswordPolicy.Evaluate;

// A class, not a record, so that nothing prints the password by accident; bound from the JSON body
// only, so that it never comes from a URL (which proxies and access logs keep).

/// <summary>A password to check against the policy, and the login it is for.</summary>
[JsonSchema("PasswordEvaluationRequest")]
public sealed class Request
{
    /// <summary>The candidate password, as typed. Not stored, not logged, not echoed.</summary>
    [DontBind(Source.QueryParam | Source.RouteParam)]
    public string? Password { get; init; }

    /// <summary>The login it is for (e-mail address or member ID), if known, so the password can be kept from containing it.</summary>
    [DontBind(Source.QueryParam | Source.RouteParam)]
    public string? Login { get; init; }
}

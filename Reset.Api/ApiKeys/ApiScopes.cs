namespace Reset.Api.ApiKeys;

/// <summary>
/// What an internal API key may do. Each scope is also the name of the authorization policy that
/// requires it, so an endpoint says <c>Policies(ApiScopes.UsersWrite)</c>.
/// </summary>
public static class ApiScopes
{
    public const string ClaimType = "scope";

    /// <summary>Create and update customers: PUT /internal/v1/users/{id}.</summary>
    public const string UsersWrite = "users:write";

    /// <summary>Read a customer: GET /internal/v1/users/{id}.</summary>
    public const string UsersRead = "users:read";

    /// <summary>List support requests.</summary>
    public const string SupportRead = "support:read";

    /// <summary>Resolve support requests.</summary>
    public const string SupportWrite = "support:write";

    /// <summary>Start a password reset on a customer's behalf (the code goes to the customer).</summary>
    public const string ResetsStart = "resets:start";

    public static IReadOnlyList<string> All { get; } = [UsersWrite, UsersRead, SupportRead, SupportWrite, ResetsStart];
}

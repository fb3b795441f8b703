using System.Security.Claims;

namespace Reset.Api.ApiKeys;

public static class ApiCaller
{
    /// <summary>The id of the key an internal API call authenticated with, for audit events.</summary>
    public static string ApiKeyId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The call was not authenticated by an API key.");
}

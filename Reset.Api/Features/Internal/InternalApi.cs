using FastEndpoints;
using Reset.Api.ApiKeys;

namespace Reset.Api.Features.Internal;

/// <summary>
/// The shop's own backend services' API: under /internal/v1 instead of the public /api/v1, and
/// authenticated by API key. Each endpoint adds the scope it needs with <c>Policies(...)</c>.
/// </summary>
public sealed class InternalApi : Group
{
    public const string Tag = "Internal API";

    public InternalApi() => Configure("v1", endpoint =>
    {
        endpoint.RoutePrefixOverride("internal");
        endpoint.AuthSchemes(ApiKey.Scheme);
    });

    /// <summary>True for the endpoints of this API (Features/Internal), which the public document leaves out.</summary>
    public static bool Describes(Type endpoint) =>
        endpoint.Namespace?.StartsWith(typeof(InternalApi).Namespace + ".", StringComparison.Ordinal) == true;

    /// <summary>The answers every internal endpoint shares, worded once, with the scope this one needs.</summary>
    public static void DescribeAccess(EndpointSummary summary, string scope)
    {
        summary.Responses[StatusCodes.Status401Unauthorized] = "api_key_missing or api_key_invalid: send a configured key as `Authorization: Bearer <key>`.";
        summary.Responses[StatusCodes.Status403Forbidden] = $"scope_missing: the key lacks the `{scope}` scope.";
        summary.Responses[StatusCodes.Status503ServiceUnavailable] = "dependency_unavailable: PostgreSQL or Redis is down; retry after Retry-After seconds.";
    }
}

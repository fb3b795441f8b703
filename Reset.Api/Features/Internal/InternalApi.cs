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
}

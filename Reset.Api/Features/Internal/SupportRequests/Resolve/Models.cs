using FastEndpoints;
using NJsonSchema.Annotations;

namespace Reset.Api.Features.Internal.SupportRequests.Resolve;

[JsonSchema("ResolveSupportRequest")]
public sealed class Request
{
    /// <summary>The request's reference, e.g. "SR-7K4Q-2M9X".</summary>
    public string Reference { get; init; } = string.Empty;

    /// <summary>What support did, for the next person who reads the case (up to 2000 characters).</summary>
    [DontBind(Source.QueryParam | Source.RouteParam)]
    public string? Note { get; init; }
}

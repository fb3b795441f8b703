using System.Text.Json.Serialization;

namespace Reset.Api.Features.Health;

/// <param name="Status">"healthy" or "unhealthy".</param>
/// <param name="Checks">Per dependency ("postgres", "redis"): "healthy" or "unhealthy".</param>
public sealed record HealthResponse(
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Checks = null);

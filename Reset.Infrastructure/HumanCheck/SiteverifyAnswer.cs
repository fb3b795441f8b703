using System.Text.Json.Serialization;

namespace Reset.Infrastructure.HumanCheck;

/// <summary>The fields of a siteverify answer this service reads; an answer without <c>success</c> is unreadable.</summary>
internal sealed record SiteverifyAnswer(
    [property: JsonPropertyName("success"), JsonRequired] bool Success,
    [property: JsonPropertyName("error-codes")] string[]? ErrorCodes,
    [property: JsonPropertyName("hostname")] string? Hostname,
    [property: JsonPropertyName("score")] double? Score,
    [property: JsonPropertyName("action")] string? Action);

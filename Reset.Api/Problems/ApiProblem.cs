using System.Text.Json.Serialization;

namespace Reset.Api.Problems;

/// <summary>
/// An RFC 9457 problem details body with the stable <c>code</c> clients switch on. Every error the
/// service answers, from validation to an unknown route, has this shape.
/// </summary>
public sealed class ApiProblem
{
    public const string ContentType = "application/problem+json";

    /// <summary>A URI naming the kind of problem; one per <see cref="Code"/>.</summary>
    public string Type { get; init; } = "about:blank";

    public required string Title { get; init; }

    public required int Status { get; init; }

    public string? Detail { get; init; }

    public string? Instance { get; init; }

    /// <summary>Stable and machine-readable, snake_case: <c>validation_failed</c>, <c>ticket_not_found</c>, …</summary>
    public required string Code { get; init; }

    public string? TraceId { get; init; }

    /// <summary>Field name → what is wrong with it, for <c>validation_failed</c> and <c>malformed_request</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IDictionary<string, string[]>? Errors { get; init; }

    /// <summary>Members that belong to one code only, such as <c>attemptsRemaining</c> or <c>violations</c>.</summary>
    [JsonExtensionData]
    public IDictionary<string, object?>? Extensions { get; init; }

    public static string TypeFor(string code) => "urn:reset-service:problem:" + code;
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Reset.Tests.Faults;

/// <summary>
/// One answer during an outage: its status, problem code, Retry-After and how long it took. Collected
/// rather than asserted one by one, so a failing test names every endpoint that misbehaved, not only the first.
/// </summary>
internal sealed record TimedAnswer(string What, HttpStatusCode? Status, string? Code, bool HasRetryAfter, TimeSpan Took, JsonElement? Body = null)
{
    /// <summary>The contract: while a dependency is down, an answer within 3 s, never a hang.</summary>
    public static readonly TimeSpan Within = TimeSpan.FromSeconds(3);

    /// <summary>Longer than any answer should take: a request still open then counts as a hang.</summary>
    private static readonly TimeSpan HangAfter = TimeSpan.FromSeconds(15);

    /// <summary>503 dependency_unavailable with Retry-After, within 3 s.</summary>
    public bool IsUnavailable => Status == HttpStatusCode.ServiceUnavailable && Code == "dependency_unavailable" && HasRetryAfter && Took <= Within;

    /// <summary>The expected success, within 3 s.</summary>
    public bool Is(HttpStatusCode success) => Status == success && Took <= Within;

    public override string ToString() =>
        $"{What}: {(Status is { } status ? ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture) : "no answer")}" +
        $"{(Code is null ? string.Empty : " " + Code)}{(HasRetryAfter ? " Retry-After" : string.Empty)} in {Took.TotalMilliseconds:F0} ms";

    /// <summary>Sends one request, times it, and writes the outcome to the test output.</summary>
    public static async Task<TimedAnswer> OfAsync(string what, Func<CancellationToken, Task<HttpResponseMessage>> send)
    {
        using var hang = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        hang.CancelAfter(HangAfter);
        var watch = Stopwatch.StartNew();
        TimedAnswer answer;
        try
        {
            using var response = await send(hang.Token);
            var took = watch.Elapsed;
            var body = await JsonBodyAsync(response);
            var code = response.Content.Headers.ContentType?.MediaType == "application/problem+json" && body?.TryGetProperty("code", out var problemCode) == true
                ? problemCode.GetString()
                : null;
            answer = new TimedAnswer(what, response.StatusCode, code, response.Headers.RetryAfter is not null, took, body);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            answer = new TimedAnswer(what, null, null, false, watch.Elapsed);
        }

        TestContext.Current.TestOutputHelper?.WriteLine(answer.ToString());
        return answer;
    }

    /// <summary>A string property of the JSON answer (a ticket id, a reset token), or null.</summary>
    public string? Property(string name) => Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static async Task<JsonElement?> JsonBodyAsync(HttpResponseMessage response)
    {
        var type = response.Content.Headers.ContentType?.MediaType;
        return type is "application/json" or "application/problem+json"
            ? await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)
            : null;
    }
}

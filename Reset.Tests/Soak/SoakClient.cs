using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Reset.Tests.Soak;

/// <summary>
/// What a step finally got: its status and problem code, and the JSON body. When the journey ran out of
/// time, Status is null and Last is the last answer it got before (null if it got none).
/// </summary>
internal sealed record StepAnswer(HttpStatusCode? Status, string? Code, JsonElement? Body, StepAnswer? Last = null)
{
    public string? Property(string name) =>
        Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty(name, out var value) ? value.GetString() : null;

    public override string ToString() => Status is { } status
        ? $"{(int)status}{(Code is null ? string.Empty : " " + Code)}"
        : $"out of time{(Last is null ? string.Empty : $" (last answer {Last})")}";
}

/// <summary>
/// Sends a journey's steps the way a mobile app on a flaky network does: one Idempotency-Key per step,
/// the same key on every retry of it, and after a 503 (or any 5xx, or no answer) another try after
/// Retry-After, at most 1 s, until the journey's deadline.
/// </summary>
internal sealed class SoakClient(HttpClient http, SoakCounters counters)
{
    /// <summary>No answer by then is a hang: the contract is an answer within 3 s, whatever is down.</summary>
    public static readonly TimeSpan HangAfter = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(1);

    public async Task<StepAnswer> PostAsync(string step, string path, object body, DateTime deadline, CancellationToken cancellationToken)
    {
        var idempotencyKey = Guid.NewGuid().ToString();
        StepAnswer? last = null;
        while (DateTime.UtcNow < deadline)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", idempotencyKey);
            using var hang = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            hang.CancelAfter(HangAfter);
            var watch = Stopwatch.StartNew();
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, hang.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                counters.Hung(step);
                await Task.Delay(MaxRetryDelay, cancellationToken);
                continue;
            }

            using (response)
            {
                var took = watch.Elapsed;
                var json = response.Content.Headers.ContentType?.MediaType is "application/json" or "application/problem+json"
                    ? await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)
                    : (JsonElement?)null;
                var code = response.Content.Headers.ContentType?.MediaType == "application/problem+json" && json?.TryGetProperty("code", out var c) == true
                    ? c.GetString()
                    : null;
                counters.Answered(step, response.StatusCode, code, took);
                last = new StepAnswer(response.StatusCode, code, json);
                if (!WorthRetrying(response.StatusCode, code))
                {
                    return last;
                }

                var retryAfter = response.Headers.RetryAfter?.Delta ?? MaxRetryDelay;
                await Task.Delay(retryAfter < MaxRetryDelay ? retryAfter : MaxRetryDelay, cancellationToken);
            }
        }

        return new StepAnswer(null, null, null, last);
    }

    /// <summary>Server trouble, or the first try with this key still running: the same request again may succeed.</summary>
    private static bool WorthRetrying(HttpStatusCode status, string? code) =>
        (int)status >= 500 || (status == HttpStatusCode.Conflict && code == "idempotency_in_progress");
}

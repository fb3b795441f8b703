using System.Diagnostics;
using System.Net;

namespace Reset.Tests.Faults;

/// <summary>Retries as a client does after a 503, once the server it waited for is back.</summary>
internal static class Retry
{
    /// <summary>
    /// Sends again every 200 ms while the answer is 503, for up to 15 s: the service may take a moment
    /// to notice (a Redis reconnect, a pooled PostgreSQL connection the restart cut). Returns the first other answer.
    /// </summary>
    public static async Task<TimedAnswer> WhileUnavailableAsync(string what, Func<CancellationToken, Task<HttpResponseMessage>> send)
    {
        var waited = Stopwatch.StartNew();
        var attempts = 0;
        while (true)
        {
            attempts++;
            var answer = await TimedAnswer.OfAsync($"{what} (attempt {attempts}, {waited.Elapsed.TotalMilliseconds:F0} ms after the first)", send);
            if (answer.Status != HttpStatusCode.ServiceUnavailable || waited.Elapsed > TimeSpan.FromSeconds(15))
            {
                return answer;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}

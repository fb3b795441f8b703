using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Reset.Tests.Timing;

/// <summary>The public steps a stranger can time.</summary>
public enum TimedStep
{
    /// <summary>POST /password-resets</summary>
    Start,

    /// <summary>GET /password-resets/{ticketId}</summary>
    ReadTicket,

    /// <summary>POST /password-resets/{ticketId}/codes</summary>
    SendCode,

    /// <summary>POST /password-resets/{ticketId}/verification with a wrong code, after a code was sent</summary>
    WrongCode,

    /// <summary>POST /password-resets/{ticketId}/support-requests</summary>
    SupportRequest,
}

/// <summary>One kind of login ("active", "unknown", "locked", …) and its addresses, one per block of requests.</summary>
public sealed record LoginKind(string Name, IReadOnlyList<string> Addresses);

/// <summary>
/// Times one step as an attacker would: one request at a time, on one client, the kinds interleaved
/// in a fresh random order each round, so a drift in the machine's load falls on every kind alike.
/// Each address takes <c>requestsPerAddress</c> consecutive rounds (the attacker probing one login
/// again and again), then the next address of its kind takes over. A step on a ticket gets a fresh
/// ticket of that login for every request (started, and for a wrong code also sent a code, untimed):
/// a ticket takes only a few codes, and a stranger cannot do otherwise either.
/// </summary>
/// <remarks>Shared with bench-tools (linked there): the suite and ./bench.sh measure the same way.</remarks>
public sealed class TimingSurvey(HttpClient client, Func<Task<string>> humanCheckToken)
{
    private const string Base = "api/v1/password-resets";

    private int _supportRequests;

    /// <summary>Microseconds per request, per kind, in measurement order (consecutive ones per address).</summary>
    public async Task<Dictionary<string, List<double>>> MeasureAsync(
        TimedStep step, IReadOnlyList<LoginKind> kinds, int requestsPerAddress, int warmUpRounds, int seed)
    {
        var random = new Random(seed);
        var order = kinds.ToArray();
        for (var i = 0; i < warmUpRounds; i++)
        {
            foreach (var kind in order)
            {
                await TimeAsync(step, kind.Addresses[i % kind.Addresses.Count]);
            }
        }

        var samples = kinds.ToDictionary(k => k.Name, _ => new List<double>());
        var rounds = kinds.Min(k => k.Addresses.Count) * requestsPerAddress;
        for (var round = 0; round < rounds; round++)
        {
            random.Shuffle(order);
            foreach (var kind in order)
            {
                samples[kind.Name].Add(await TimeAsync(step, kind.Addresses[round / requestsPerAddress]));
            }
        }

        return samples;
    }

    /// <summary>One timed request of the step for the login, in microseconds; its preparation untimed.</summary>
    public async Task<double> TimeAsync(TimedStep step, string login)
    {
        if (step == TimedStep.Start)
        {
            var token = await humanCheckToken();
            return await TimedAsync(() => client.PostAsJsonAsync(Base, new { login, humanCheckToken = token }), HttpStatusCode.Created);
        }

        var ticket = $"{Base}/{await StartAsync(login)}";
        if (step == TimedStep.WrongCode)
        {
            using var sent = await ExpectAsync(client.PostAsJsonAsync(ticket + "/codes", new { method = "email" }), HttpStatusCode.Accepted);
        }

        return step switch
        {
            TimedStep.ReadTicket => await TimedAsync(() => client.GetAsync(new Uri(ticket, UriKind.Relative)), HttpStatusCode.OK),
            TimedStep.SendCode => await TimedAsync(() => client.PostAsJsonAsync(ticket + "/codes", new { method = "email" }), HttpStatusCode.Accepted),
            // One in a million is the real code: the answer would then be 200, and the survey says so.
            TimedStep.WrongCode => await TimedAsync(() => client.PostAsJsonAsync(ticket + "/verification", new { code = "000000" }), HttpStatusCode.BadRequest),
            TimedStep.SupportRequest => await TimedAsync(() => client.PostAsJsonAsync(ticket + "/support-requests",
                new { contactEmail = $"helper.{++_supportRequests}@example.net", message = "I lost access to my mailbox." }), HttpStatusCode.Created),
            _ => throw new ArgumentOutOfRangeException(nameof(step)),
        };
    }

    private async Task<string> StartAsync(string login)
    {
        var token = await humanCheckToken();
        using var response = await ExpectAsync(client.PostAsJsonAsync(Base, new { login, humanCheckToken = token }), HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticketId").GetString()!;
    }

    private static async Task<double> TimedAsync(Func<Task<HttpResponseMessage>> send, HttpStatusCode expected)
    {
        var watch = Stopwatch.StartNew();
        using var response = await send();
        await response.Content.ReadAsByteArrayAsync();
        watch.Stop();
        await CheckAsync(response, expected);
        return watch.Elapsed.TotalMicroseconds;
    }

    private static async Task<HttpResponseMessage> ExpectAsync(Task<HttpResponseMessage> sending, HttpStatusCode expected)
    {
        var response = await sending;
        await CheckAsync(response, expected);
        return response;
    }

    private static async Task CheckAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}: " +
                $"{(int)response.StatusCode} instead of {(int)expected}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}

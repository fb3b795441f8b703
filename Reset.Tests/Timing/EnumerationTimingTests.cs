using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Timing;

/// <summary>
/// Response times do not tell a customer's login from a stranger's. 200 interleaved samples of each,
/// known and unknown alternating, compared with <see cref="TimingComparison"/> (Mann-Whitney U,
/// p &lt; 0.001, and a Hodges-Lehmann shift over 1 ms, both needed to count as a difference).
/// Runs alone, so other tests' load does not fall on one side only.
/// </summary>
[Collection(nameof(EnumerationTimingTests))]
[CollectionDefinition(nameof(EnumerationTimingTests), DisableParallelization = true)]
public sealed class EnumerationTimingTests(JourneyApp app) : IClassFixture<JourneyApp>
{
    private const int Samples = 200;
    private const int WarmUp = 30;

    [Fact]
    public async Task Starting_a_reset_takes_as_long_for_an_unknown_login_as_for_a_customer()
    {
        var customer = await app.CreateCustomerAsync();
        var client = app.CreateClient();

        var (known, unknown) = await InterleavedAsync(
            () => TimeAsync(() => client.PostAsJsonAsync("/api/v1/password-resets", new { login = customer.Email, humanCheckToken = "t" }), HttpStatusCode.Created),
            () => TimeAsync(() => client.PostAsJsonAsync("/api/v1/password-resets", new { login = $"nobody.{Guid.NewGuid():N}@example.com", humanCheckToken = "t" }), HttpStatusCode.Created));

        var comparison = TimingComparison.Of(unknown, known);
        TestContext.Current.TestOutputHelper?.WriteLine("start: " + comparison);
        comparison.Significant.ShouldBeFalse(comparison.ToString());
    }

    [Fact]
    public async Task Sending_a_code_takes_as_long_for_a_decoy_ticket_as_for_a_customer()
    {
        var customer = await app.CreateCustomerAsync();
        var client = app.CreateClient();

        var (known, unknown) = await InterleavedAsync(
            async () => await SendCodeTimedAsync(client, customer.Email),
            async () => await SendCodeTimedAsync(client, $"nobody.{Guid.NewGuid():N}@example.com"));

        var comparison = TimingComparison.Of(unknown, known);
        TestContext.Current.TestOutputHelper?.WriteLine("send code: " + comparison);
        comparison.Significant.ShouldBeFalse(comparison.ToString());
    }

    private static async Task<(List<TimeSpan> Known, List<TimeSpan> Unknown)> InterleavedAsync(
        Func<Task<TimeSpan>> known, Func<Task<TimeSpan>> unknown)
    {
        for (var i = 0; i < WarmUp; i++)
        {
            await known();
            await unknown();
        }

        var knownTimes = new List<TimeSpan>(Samples);
        var unknownTimes = new List<TimeSpan>(Samples);
        for (var i = 0; i < Samples; i++)
        {
            // Alternate which goes first, so a drift in the machine's load falls on both alike.
            if (i % 2 == 0)
            {
                knownTimes.Add(await known());
                unknownTimes.Add(await unknown());
            }
            else
            {
                unknownTimes.Add(await unknown());
                knownTimes.Add(await known());
            }
        }

        return (knownTimes, unknownTimes);
    }

    private static async Task<TimeSpan> SendCodeTimedAsync(HttpClient client, string login)
    {
        using var started = await client.PostAsJsonAsync("/api/v1/password-resets", new { login, humanCheckToken = "t" });
        started.StatusCode.ShouldBe(HttpStatusCode.Created);
        var ticketId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticketId").GetString();
        return await TimeAsync(() => client.PostAsJsonAsync($"/api/v1/password-resets/{ticketId}/codes", new { method = "email" }), HttpStatusCode.Accepted);
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task<HttpResponseMessage>> send, HttpStatusCode expected)
    {
        var watch = Stopwatch.StartNew();
        using var response = await send();
        await response.Content.ReadAsByteArrayAsync();
        watch.Stop();
        response.StatusCode.ShouldBe(expected);
        return watch.Elapsed;
    }
}

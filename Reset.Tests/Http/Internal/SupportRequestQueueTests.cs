using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Reset.Tests.Http.Internal;

/// <summary>GET /internal/v1/support-requests and POST …/{reference}/resolution: the support queue.</summary>
public sealed class SupportRequestQueueTests(InternalApiApp app) : IClassFixture<InternalApiApp>
{
    [Fact]
    public async Task Open_requests_are_listed_oldest_first_and_paging_shows_each_exactly_once()
    {
        var opened = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            opened.Add(await OpenAsync());
            app.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await ListAsync($"status=open&limit=2{(cursor is null ? string.Empty : "&cursor=" + cursor)}");
            page.GetProperty("items").GetArrayLength().ShouldBeLessThanOrEqualTo(2);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("reference").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 50);

        cursor.ShouldBeNull();
        seen.ShouldBeUnique();
        seen.Where(opened.Contains).ShouldBe(opened);
    }

    [Fact]
    public async Task An_item_says_who_asked_how_to_reach_them_and_which_ticket()
    {
        var customer = await app.CreateCustomerAsync();
        var ticketId = await app.StartTicketAsync(customer.Email);
        var reference = await OpenAsync(ticketId, "reach.me@example.net", "My mailbox was closed by my employer.");

        var item = (await ListAsync("status=all&limit=200")).GetProperty("items").EnumerateArray().Single(r => r.GetProperty("reference").GetString() == reference);

        item.GetProperty("status").GetString().ShouldBe("open");
        item.GetProperty("userId").GetGuid().ShouldBe(customer.Id);
        item.GetProperty("ticketId").GetString().ShouldBe(ticketId);
        item.GetProperty("contactEmail").GetString().ShouldBe("reach.me@example.net");
        item.GetProperty("message").GetString().ShouldBe("My mailbox was closed by my employer.");
        item.GetProperty("resolvedAt").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task A_resolved_request_leaves_the_open_list_records_who_and_cannot_be_resolved_twice()
    {
        var reference = await OpenAsync();
        var before = app.Time.GetUtcNow();

        using var resolved = await ResolveAsync(reference.ToLowerInvariant(), "Verified by phone; new address set, reset started.");

        resolved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await InternalApiApp.BodyAsync(resolved);
        body.GetProperty("reference").GetString().ShouldBe(reference);
        body.GetProperty("status").GetString().ShouldBe("resolved");
        body.GetProperty("resolvedBy").GetString().ShouldBe("support-desk");
        body.GetProperty("resolutionNote").GetString().ShouldBe("Verified by phone; new address set, reset started.");
        body.GetProperty("resolvedAt").GetDateTimeOffset().ShouldBeInRange(before, app.Time.GetUtcNow());

        References(await ListAsync("limit=200")).ShouldNotContain(reference);
        References(await ListAsync("status=resolved&limit=200")).ShouldContain(reference);

        using var again = await ResolveAsync(reference, "Resolved twice?");
        (await ProblemDetailsTests.ShouldBeProblemAsync(again, HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("support_request_resolved");
        var kept = (await ListAsync("status=resolved&limit=200")).GetProperty("items").EnumerateArray().Single(r => r.GetProperty("reference").GetString() == reference);
        kept.GetProperty("resolutionNote").GetString().ShouldBe("Verified by phone; new address set, reset started.");
    }

    [Fact]
    public async Task Resolving_an_unknown_reference_is_404()
    {
        using var response = await ResolveAsync("SR-2222-2222", "Nothing to resolve.");

        (await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.NotFound)).GetProperty("code").GetString().ShouldBe("support_request_not_found");
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public async Task Resolving_without_a_note_is_a_validation_failure(string? note)
    {
        var reference = await OpenAsync();

        using var response = await ResolveAsync(reference, note);

        (await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("note", out _).ShouldBeTrue();
        References(await ListAsync("limit=200")).ShouldContain(reference);
    }

    [Theory]
    [InlineData("status=closed", "status")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("cursor=not-a-cursor!", "cursor")]
    [InlineData("cursor=MTIzOm5vdC1hLWd1aWQ", "cursor")]
    public async Task A_bad_query_is_a_validation_failure_naming_the_parameter(string query, string field)
    {
        using var response = await app.Client(app.SupportKey).GetAsync(new Uri("/internal/v1/support-requests?" + query, UriKind.Relative), TestContext.Current.CancellationToken);

        var problem = await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
    }

    private async Task<string> OpenAsync(string? ticketId = null, string contactEmail = "someone@example.net", string message = "I lost my mailbox.")
    {
        ticketId ??= await app.StartTicketAsync((await app.CreateCustomerAsync()).Email);
        using var response = await app.CreateClient().PostAsJsonAsync($"/api/v1/password-resets/{ticketId}/support-requests",
            new { contactEmail, message }, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await InternalApiApp.BodyAsync(response)).GetProperty("reference").GetString()!;
    }

    private async Task<JsonElement> ListAsync(string query)
    {
        using var response = await app.Client(app.SupportKey).GetAsync(new Uri("/internal/v1/support-requests?" + query, UriKind.Relative), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return await InternalApiApp.BodyAsync(response);
    }

    private async Task<HttpResponseMessage> ResolveAsync(string reference, string? note) =>
        await app.Client(app.SupportKey).PostAsJsonAsync($"/internal/v1/support-requests/{reference}/resolution", new { note }, TestContext.Current.CancellationToken);

    private static List<string> References(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("reference").GetString()!)];
}

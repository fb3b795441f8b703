using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Reset.Api.ApiKeys;
using Reset.Api.Problems;
using Reset.Domain.Support;
using Reset.Infrastructure.Persistence;

namespace Reset.Api.Features.Internal.SupportRequests.List;

/// <summary>
/// The support queue, oldest first, a page at a time. Keyset paging on (created_at, id): a request
/// opened while a tool pages through shows up at the end, and none is skipped or shown twice.
/// </summary>
public sealed class Endpoint(ResetDbContext db) : Endpoint<Request, Response>
{
    private const int DefaultLimit = 50;

    public override void Configure()
    {
        Get("/support-requests");
        Group<InternalApi>();
        Policies(ApiScopes.SupportRead);
        Description(b => b
            .WithName("listSupportRequests")
            .WithTags(InternalApi.Tag)
            .ProducesProblems(
                StatusCodes.Status400BadRequest,
                StatusCodes.Status401Unauthorized,
                StatusCodes.Status403Forbidden,
                StatusCodes.Status503ServiceUnavailable));
        Summary(s =>
        {
            InternalApi.DescribeAccess(s, ApiScopes.SupportRead);
            s.Summary = "List support requests";
            s.Description = "Scope `support:read`. Open requests by default, oldest first; follow nextCursor for more.";
            s.ExampleRequest = new Request { Status = "open", Limit = 50 };
            s.ResponseExamples[StatusCodes.Status200OK] = new Response([SupportRequestResponse.Example], null);
            s.Responses[StatusCodes.Status200OK] = "A page of support requests.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var limit = req.Limit ?? DefaultLimit;
        var query = db.SupportRequests.AsNoTracking();
        query = (req.Status ?? "open") switch
        {
            "open" => query.Where(r => r.Status == SupportRequestStatus.Open),
            "resolved" => query.Where(r => r.Status == SupportRequestStatus.Resolved),
            _ => query,
        };

        if (PageCursor.TryParse(req.Cursor, out var after))
        {
            query = query.Where(r => r.CreatedAt > after.CreatedAt || (r.CreatedAt == after.CreatedAt && r.Id > after.Id));
        }

        // One more than the page, to know whether another page follows.
        var rows = await query.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Take(limit + 1).ToListAsync(ct);
        var page = rows.Take(limit).ToList();
        var next = rows.Count > limit ? new PageCursor(page[^1].CreatedAt, page[^1].Id).ToString() : null;
        await Send.OkAsync(new Response([.. page.Select(SupportRequestResponse.From)], next), ct);
    }
}

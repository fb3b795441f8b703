using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Reset.Api.Idempotency;
using Reset.Api.ApiKeys;
using Reset.Api.Problems;
using Reset.Domain.Audit;
using Reset.Domain.Support;
using Reset.Infrastructure.Persistence;

namespace Reset.Api.Features.Internal.SupportRequests.Resolve;

/// <summary>
/// Support closes a request with a note. Once only: a second resolution (or two agents at the same
/// moment) is refused, so the first note stands. Nothing on the customer's account changes here.
/// </summary>
public sealed class Endpoint(ResetDbContext db, TimeProvider time) : Endpoint<Request, SupportRequestResponse>
{
    public override void Configure()
    {
        Post("/support-requests/{reference}/resolution");
        Group<InternalApi>();
        Policies(ApiScopes.SupportWrite);
        Options(b => b.TakesIdempotencyKey());
        Description(b => b
            .WithName("resolveSupportRequest")
            .WithTags(InternalApi.Tag)
            .ProducesProblems(
                StatusCodes.Status400BadRequest,
                StatusCodes.Status401Unauthorized,
                StatusCodes.Status403Forbidden,
                StatusCodes.Status404NotFound,
                StatusCodes.Status409Conflict,
                StatusCodes.Status503ServiceUnavailable));
        Summary(s =>
        {
            InternalApi.DescribeAccess(s, ApiScopes.SupportWrite);
            s.Summary = "Resolve a support request";
            s.Description = "Scope `support:write`.";
            s.ExampleRequest = new Request { Reference = "SR-7K4Q-2M9X", Note = "Verified by phone; e-mail address updated, reset started for the customer." };
            s.ResponseExamples[StatusCodes.Status200OK] = SupportRequestResponse.Example with
            {
                Status = "resolved",
                ResolvedAt = new DateTimeOffset(2026, 11, 26, 14, 0, 0, TimeSpan.Zero),
                ResolvedBy = "support-desk",
                ResolutionNote = "Verified by phone; e-mail address updated, reset started for the customer.",
            };
            s.Responses[StatusCodes.Status200OK] = "The request, resolved.";
            s.Responses[StatusCodes.Status404NotFound] = "support_request_not_found.";
            s.Responses[StatusCodes.Status409Conflict] = "support_request_resolved: it was resolved already (or by someone else just now).";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var reference = req.Reference.Trim().ToUpperInvariant();
        if (await db.SupportRequests.SingleOrDefaultAsync(r => r.Reference == reference, ct) is not { } request)
        {
            await Send.ResultAsync(Problem.Of(HttpContext, StatusCodes.Status404NotFound, ProblemCodes.SupportRequestNotFound,
                "No such support request.", "No support request has this reference. References look like SR-7K4Q-2M9X."));
            return;
        }

        if (request.Status == SupportRequestStatus.Resolved)
        {
            await Send.ResultAsync(AlreadyResolved());
            return;
        }

        var now = time.GetUtcNow();
        request.Resolve(User.ApiKeyId(), req.Note!.Trim(), now);
        db.AuditEvents.Add(AuditEvent.Record(request.UserId, AuditEventTypes.SupportRequestResolved, now,
            HttpContext.Connection.RemoteIpAddress?.ToString(), $"{request.Reference}, by API key {User.ApiKeyId()}"));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await Send.ResultAsync(AlreadyResolved());
            return;
        }

        await Send.OkAsync(SupportRequestResponse.From(request), ct);
    }

    private IResult AlreadyResolved() => Problem.Of(HttpContext, StatusCodes.Status409Conflict, ProblemCodes.SupportRequestResolved,
        "This support request is resolved already.", "Read it to see who resolved it and how.");
}

using System.Security.Cryptography;
using FastEndpoints;
using Microsoft.Extensions.Options;
using Reset.Api.Idempotency;
using Reset.Api.Localization;
using Reset.Api.Network;
using Reset.Api.Problems;
using Reset.Domain.Audit;
using Reset.Domain.Logins;
using Reset.Domain.Support;
using Reset.Domain.Tickets;
using Reset.Infrastructure;
using Reset.Infrastructure.Configuration;
using Reset.Infrastructure.Email;
using Reset.Infrastructure.Email.Templates;
using Reset.Infrastructure.Events;
using Reset.Infrastructure.Localization;
using Reset.Infrastructure.Observability;
using Reset.Infrastructure.Persistence;
using Reset.Infrastructure.RateLimiting;
using Reset.Infrastructure.Redis;

using static Reset.Api.Features.PasswordResets.Examples;

namespace Reset.Api.Features.PasswordResets.RequestSupport;

/// <summary>
/// "Customer support": for someone who lost access to the mailbox. Stores the request for a person
/// to handle, with a reference to quote, and acknowledges it by e-mail to the contact address.
/// The customer's password and tickets are not touched. One request per ticket, on an open ticket
/// only (<see cref="SupportRequestNeedsAnOpenTicket"/>); a decoy takes the same steps in the same
/// order, with the same Redis and PostgreSQL work (its row has no user).
/// </summary>
public sealed partial class Endpoint(
    ResetDbContext db,
    ResetTicketStore tickets,
    SupportRequestClaims claims,
    RateLimiter limiter,
    OutboxSignal outbox,
    IOptions<ShopOptions> shop,
    TimeProvider time,
    ResetMetrics metrics) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/password-resets/{ticketId}/support-requests");
        AllowAnonymous();
        Options(b => b.TakesIdempotencyKey());
        Description(b => b
            .WithName("requestPasswordResetSupport")
            .WithTags("Password resets")
            .Produces<Response>(StatusCodes.Status201Created)
            .ProducesProblems(
                StatusCodes.Status400BadRequest,
                StatusCodes.Status404NotFound,
                StatusCodes.Status409Conflict,
                StatusCodes.Status429TooManyRequests,
                StatusCodes.Status503ServiceUnavailable));
        Summary(s =>
        {
            s.Summary = "Ask customer support for help";
            s.ExampleRequest = new Request
            {
                TicketId = ExampleTicketId,
                ContactEmail = "john.personal@example.net",
                Message = "I no longer have access to my work mailbox.",
            };
            s.ResponseExamples[StatusCodes.Status201Created] = new Response(
                Guid.Parse("019ac3a1-7a52-7c1e-9d3b-5f3f2b8e6a10"), "SR-7K4Q-2M9X");
            s.Responses[StatusCodes.Status201Created] = "The request is stored; an acknowledgement goes to the contact address.";
            s.Responses[StatusCodes.Status409Conflict] = "ticket_state: this ticket already has a support request, or is verified, completed or locked.";
        });
    }

    private static readonly Text TooManyRequests = ProblemTexts.TooManySupportRequests;

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (await limiter.ExceededAsync(RateLimitPolicy.SupportPerClient, ClientAddress.Of(HttpContext)) is { } clientWait)
        {
            await Send.ResultAsync(Problem.RateLimited(HttpContext, clientWait, TooManyRequests));
            return;
        }

        if (await tickets.FindAsync(req.TicketId, now) is not { } ticket)
        {
            await Send.ResultAsync(TicketProblems.NotFound(HttpContext));
            return;
        }

        HttpContext.AcceptForIdempotency(ticket.ExpiresAt);

        if (!SupportRequestNeedsAnOpenTicket.IsMetBy(ticket.Status))
        {
            await Send.ResultAsync(TicketProblems.OutOfOrder(HttpContext, ProblemTexts.SupportNeedsOpenTicket));
            return;
        }

        // The atomic "one per ticket": of two parallel requests on one ticket, one claims it.
        var requestId = Guid.CreateVersion7(now);
        switch (await claims.ClaimAsync(ticket.Id, requestId, now))
        {
            case SupportClaim.AlreadyTaken:
                await Send.ResultAsync(TicketProblems.OutOfOrder(HttpContext, ProblemTexts.SupportAlreadyRequested));
                return;
            case SupportClaim.TicketNotOpen:
                await Send.ResultAsync(TicketProblems.OutOfOrder(HttpContext, ProblemTexts.SupportNeedsOpenTicket));
                return;
            case SupportClaim.TicketNotFound:
                await Send.ResultAsync(TicketProblems.NotFound(HttpContext));
                return;
        }

        var contact = EmailAddress.Parse(req.ContactEmail!);
        // Each request e-mails the contact address: without this, the service would mail anyone, often.
        // Counted per mailbox, not per spelling: "Jane+1@Example.com" and "jane@example.com" are one inbox.
        // After the claim, so a refused second request spends none of the mailbox's budget.
        if (await limiter.ExceededAsync(RateLimitPolicy.SupportPerDestination, contact.DeliveryKey) is { } contactWait)
        {
            await claims.ReleaseAsync(ticket.Id, requestId);
            await Send.ResultAsync(Problem.RateLimited(HttpContext, contactWait, TooManyRequests));
            return;
        }

        var reference = SupportReference.New(RandomNumberGenerator.GetInt32);
        var request = SupportRequest.Open(requestId, reference, ticket.UserId, ticket.Id.Value, contact.Value, req.Message!.Trim(), now);
        db.SupportRequests.Add(request);
        db.Events.Add(ResetEvent.SupportRequestOpened(request, now));
        db.AuditEvents.Add(AuditEvent.Record(ticket.UserId, AuditEventTypes.SupportRequestOpened, now,
            HttpContext.Connection.RemoteIpAddress?.ToString(), $"ticket {ticket.Id}, {reference}"));
        // In the requester's language, not the account's stored one: the contact address is whatever the
        // caller typed, and a language that differed for customers and decoys would tell who is a customer.
        db.OutboxMessages.Add(Outbox.Message(Outbox.SupportRequestKind, contact.Value,
            EmailTemplates.SupportRequestReceived(reference.Value, shop.Value, Languages.Current), now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            // Not stored: the ticket may take a request again (if Redis is away too, the claim lapses with the ticket).
            await ReleaseQuietlyAsync(ticket.Id, requestId);
            throw;
        }

        outbox.Notify();
        metrics.SupportRequestOpened();

        await Send.ResponseAsync(new Response(request.Id, request.Reference), StatusCodes.Status201Created, ct);
    }

    private async Task ReleaseQuietlyAsync(TicketId ticket, Guid requestId)
    {
        try
        {
            await claims.ReleaseAsync(ticket, requestId);
        }
        catch (Exception exception) when (DependencyFailures.IsDependencyFailure(exception))
        {
            // The store's own failure is what the caller reports; the claim ends with the ticket.
            LogReleaseFailed(Logger, exception.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Support request not stored; giving its claim on the ticket back failed too ({Error})")]
    private static partial void LogReleaseFailed(ILogger logger, string error);
}

using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Reset.Api.Idempotency;
using Reset.Api.ApiKeys;
using Reset.Api.Problems;
using Reset.Domain.Audit;
using Reset.Domain.Logins;
using Reset.Domain.Tickets;
using Reset.Infrastructure.Email;
using Reset.Infrastructure.Events;
using Reset.Infrastructure.Observability;
using Reset.Infrastructure.Persistence;
using Reset.Infrastructure.Redis;

namespace Reset.Api.Features.Internal.Users.StartReset;

/// <summary>
/// A support agent (or another service) starts a reset for a customer: a ticket, and a code e-mailed
/// to the customer's own address, as "Get code" does. The caller gets the ticket id to hand to the
/// customer, never the code: only the mailbox's owner can finish the reset.
/// </summary>
public sealed class Endpoint(
    ResetDbContext db,
    ResetTicketStore tickets,
    ResetCodeQueue codes,
    IOptions<ResetRules> rules,
    TimeProvider time,
    ResetMetrics metrics) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/users/{id}/password-resets");
        Group<InternalApi>();
        Policies(ApiScopes.ResetsStart);
        Options(b => b.TakesIdempotencyKey());
        Description(b => b
            .WithName("startPasswordResetForUser")
            .WithTags(InternalApi.Tag)
            .Produces<Response>(StatusCodes.Status202Accepted)
            .ProducesProblems(
                StatusCodes.Status400BadRequest,
                StatusCodes.Status401Unauthorized,
                StatusCodes.Status403Forbidden,
                StatusCodes.Status404NotFound,
                StatusCodes.Status409Conflict,
                StatusCodes.Status503ServiceUnavailable));
        Summary(s =>
        {
            InternalApi.DescribeAccess(s, ApiScopes.ResetsStart);
            s.Summary = "Start a password reset for a customer";
            s.Description = "Scope `resets:start`. Opens a ticket and e-mails a code to the customer's own address. " +
                "The customer finishes on the public API with the ticket id: POST /api/v1/password-resets/{ticketId}/verification, then /password. No body.";
            s.ExampleRequest = new Request { Id = UserResponse.Example.Id };
            s.ResponseExamples[StatusCodes.Status202Accepted] = new Response(
                "k5v2mzq7d3x4hwa6ny8pcr3t2e", new DateTimeOffset(2026, 11, 26, 12, 30, 0, TimeSpan.Zero), "j***n@e***.com",
                new DateTimeOffset(2026, 11, 26, 12, 10, 0, TimeSpan.Zero));
            s.Responses[StatusCodes.Status202Accepted] = "The ticket is open and the code is on its way to the customer.";
            s.Responses[StatusCodes.Status404NotFound] = "user_not_found.";
            s.Responses[StatusCodes.Status409Conflict] = "account_state: the customer is locked or disabled and cannot reset.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var rule = rules.Value;
        if (await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == req.Id, ct) is not { } user)
        {
            await Send.ResultAsync(UserProblems.NotFound(HttpContext));
            return;
        }

        if (!user.MayResetPassword)
        {
            await Send.ResultAsync(Problem.Of(HttpContext, StatusCodes.Status409Conflict, ProblemCodes.AccountState,
                "This customer cannot reset the password.", "The account is locked or disabled. Make it active first (PUT /internal/v1/users/{id})."));
            return;
        }

        var now = time.GetUtcNow();
        var ticket = ResetTicket.Start(TicketId.New(), LoginIdentifier.TryParse(user.Email, out var login) ? login
            : throw new InvalidOperationException("A stored e-mail address does not parse."), user, now, rule);
        await tickets.CreateAsync(ticket);
        HttpContext.AcceptForIdempotency(ticket.ExpiresAt);

        // Saved with the code's e-mail, in its transaction.
        db.AuditEvents.Add(AuditEvent.Record(user.Id, AuditEventTypes.PasswordResetRequested, now,
            HttpContext.Connection.RemoteIpAddress?.ToString(), $"ticket {ticket.Id}, by API key {User.ApiKeyId()}"));
        db.Events.Add(ResetEvent.ResetRequested(ticket, now, User.ApiKeyId()));
        var stored = await codes.QueueAsync(ticket, now, rule, ct);
        if (stored.Decision != CodeRequestDecision.Allowed)
        {
            // A fresh ticket always takes its first code; anything else is a bug, and nothing was committed.
            throw new InvalidOperationException($"A new ticket refused its first code ({stored.Decision}).");
        }

        metrics.TicketStarted();
        metrics.CodeQueued();
        await Send.ResponseAsync(new Response(ticket.Id.Value, ticket.ExpiresAt, ticket.Destination, stored.At!.Value), StatusCodes.Status202Accepted, ct);
    }
}

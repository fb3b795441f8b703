using FastEndpoints;
using Microsoft.Extensions.Options;
using Reset.Api.Problems;
using Reset.Domain.Tickets;
using Reset.Infrastructure.Redis;

namespace Reset.Api.Features.PasswordResets.Get;

/// <summary>A ticket's state, for a client that resumes the journey (an app brought back to the foreground).</summary>
public sealed class Endpoint(ResetTicketStore tickets, IOptions<ResetRules> rules, TimeProvider time) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/password-resets/{ticketId}");
        AllowAnonymous();
        Description(b => b
            .WithName("getPasswordReset")
            .WithTags("Password resets")
            .ProducesProblems(
                StatusCodes.Status404NotFound,
                StatusCodes.Status503ServiceUnavailable));
        Summary(s =>
        {
            s.Summary = "Read a reset ticket's state";
            s.ExampleRequest = new Request { TicketId = Examples.ExampleTicketId };
            s.Responses[StatusCodes.Status200OK] = "The ticket's state and what the customer can do next.";
            s.Responses[StatusCodes.Status404NotFound] = "ticket_not_found: unknown or expired.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (await tickets.FindAsync(req.TicketId, now) is not { } ticket)
        {
            await Send.ResultAsync(TicketProblems.NotFound(HttpContext));
            return;
        }

        var rule = rules.Value;
        await Send.OkAsync(new Response(
            ticket.Id.Value, ticket.Status.ToWire(), ticket.ExpiresAt, ResetMethod.For(ticket.Destination),
            ticket.CodeExpiresAt, ticket.ResendAvailableAt(rule), ticket.SendsRemaining(rule), ticket.AttemptsRemaining(rule)), ct);
    }
}

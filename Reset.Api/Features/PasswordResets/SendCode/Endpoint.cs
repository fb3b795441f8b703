using FastEndpoints;
using Microsoft.Extensions.Options;
using Reset.Api.Idempotency;
using Reset.Api.Localization;
using Reset.Api.Network;
using Reset.Api.Problems;
using Reset.Domain.Tickets;
using Reset.Infrastructure.Email;
using Reset.Infrastructure.Localization;
using Reset.Infrastructure.Observability;
using Reset.Infrastructure.RateLimiting;
using Reset.Infrastructure.Redis;

using static Reset.Api.Features.PasswordResets.Examples;

namespace Reset.Api.Features.PasswordResets.SendCode;

/// <summary>
/// Step 2: "Get code". Makes a code, stores only its HMAC and queues the e-mail in the outbox, in one
/// database transaction with the code's storage; once the mailbox's send budget is spent, the newest
/// code it already holds serves this ticket instead. The e-mail leaves asynchronously, so this
/// answers as fast for a decoy (whose code goes nowhere) as for a customer.
/// </summary>
public sealed class Endpoint(
    ResetTicketStore tickets,
    ResetCodeQueue codes,
    RateLimiter limiter,
    IOptions<ResetRules> rules,
    TimeProvider time,
    ResetMetrics metrics) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/password-resets/{ticketId}/codes");
        AllowAnonymous();
        Options(b => b.TakesIdempotencyKey());
        Description(b => b
            .WithName("sendPasswordResetCode")
            .WithTags("Password resets")
            .Produces<Response>(StatusCodes.Status202Accepted)
            .ProducesProblems(
                StatusCodes.Status400BadRequest,
                StatusCodes.Status404NotFound,
                StatusCodes.Status409Conflict,
                StatusCodes.Status423Locked,
                StatusCodes.Status429TooManyRequests,
                StatusCodes.Status503ServiceUnavailable));
        Summary(s =>
        {
            s.Summary = "Send a code by e-mail";
            s.Description = "A new code cancels the previous one. Another code can be asked for after resendAvailableAt, up to sendsRemaining more.";
            s.ExampleRequest = new Request { TicketId = ExampleTicketId, Method = "email" };
            s.Responses[StatusCodes.Status202Accepted] = "The code is on its way.";
            s.Responses[StatusCodes.Status429TooManyRequests] = "rate_limited: too soon after the last code, or no codes left (Retry-After says when).";
            s.Responses[StatusCodes.Status409Conflict] = "ticket_state: the code was already verified.";
            s.Responses[StatusCodes.Status423Locked] = "ticket_locked: too many wrong codes; start again.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rule = rules.Value;
        if (await limiter.ExceededAsync(RateLimitPolicy.SendCodePerClient, ClientAddress.Of(HttpContext)) is { } clientWait)
        {
            await Send.ResultAsync(Problem.RateLimited(HttpContext, clientWait, TooManyCodes));
            return;
        }

        if (await tickets.FindAsync(req.TicketId, now) is not { } ticket)
        {
            await Send.ResultAsync(TicketProblems.NotFound(HttpContext));
            return;
        }

        HttpContext.AcceptForIdempotency(ticket.ExpiresAt);

        var decision = ticket.DecideCodeRequest(now, rule);
        if (decision != CodeRequestDecision.Allowed)
        {
            await Send.ResultAsync(Refusal(decision, ticket, now, ticket.ResendAvailableAt(rule)));
            return;
        }

        // No per-mailbox refusal here: a stranger could spend it on the owner's behalf. Once the
        // mailbox's send budget is spent, this ticket takes the newest code the mailbox already has.
        var queued = await codes.QueueAsync(ticket, now, rule, ct);
        if (queued.Decision != CodeRequestDecision.Allowed)
        {
            await Send.ResultAsync(Refusal(queued.Decision, ticket, now, queued.At ?? now + rule.ResendCooldown));
            return;
        }

        metrics.CodeQueued();
        await Send.ResponseAsync(
            new Response(ticket.Destination, queued.At!.Value, now + rule.ResendCooldown, ticket.SendsRemaining(rule) - 1),
            StatusCodes.Status202Accepted, ct);
    }

    private IResult Refusal(CodeRequestDecision decision, ResetTicket ticket, DateTimeOffset now, DateTimeOffset resendAt) => decision switch
    {
        CodeRequestDecision.TicketLocked => TicketProblems.Locked(HttpContext),
        CodeRequestDecision.WrongState => TicketProblems.OutOfOrder(HttpContext,
            ProblemTexts.AlreadyVerifiedSetPassword),
        CodeRequestDecision.TooSoon => Problem.RateLimited(HttpContext, resendAt - now,
            ProblemTexts.CodeJustSent),
        CodeRequestDecision.NoCodesLeft => Problem.RateLimited(HttpContext, ticket.ExpiresAt - now,
            ProblemTexts.NoCodesLeft),
        _ => TicketProblems.NotFound(HttpContext),
    };

    private static readonly Text TooManyCodes = ProblemTexts.TooManyCodes;
}

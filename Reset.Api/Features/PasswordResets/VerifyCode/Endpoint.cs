using FastEndpoints;
using Microsoft.Extensions.Options;
using Reset.Api.Idempotency;
using Reset.Api.Localization;
using Reset.Api.Network;
using Reset.Api.Problems;
using Reset.Domain.Audit;
using Reset.Domain.Tickets;
using Reset.Infrastructure;
using Reset.Infrastructure.Events;
using Reset.Infrastructure.Observability;
using Reset.Infrastructure.Persistence;
using Reset.Infrastructure.RateLimiting;
using Reset.Infrastructure.Redis;

using static Reset.Api.Features.PasswordResets.Examples;

namespace Reset.Api.Features.PasswordResets.VerifyCode;

/// <summary>
/// Step 3: "Confirm". The store books the attempt, then compares and consumes the account's newest
/// code, each step atomic; five wrong codes lock the ticket. Ten wrong six-digit codes a day void the
/// account's six-digit code: from then on it is e-mailed a long one, which no budget needs to guard.
/// A right code yields the reset token, which allows nothing but setting the password.
/// </summary>
public sealed partial class Endpoint(
    ResetDbContext db,
    ResetTicketStore tickets,
    TicketJournal journal,
    RateLimiter limiter,
    IOptions<ResetRules> rules,
    TimeProvider time,
    ResetMetrics metrics) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/password-resets/{ticketId}/verification");
        AllowAnonymous();
        Options(b => b.TakesIdempotencyKey());
        Description(b => b
            .WithName("verifyPasswordResetCode")
            .WithTags("Password resets")
            .ProducesProblems(
                StatusCodes.Status400BadRequest,
                StatusCodes.Status404NotFound,
                StatusCodes.Status409Conflict,
                StatusCodes.Status423Locked,
                StatusCodes.Status429TooManyRequests,
                StatusCodes.Status503ServiceUnavailable));
        Summary(s =>
        {
            s.Summary = "Verify the code";
            s.ExampleRequest = new Request { TicketId = ExampleTicketId, Code = "042917" };
            s.ResponseExamples[StatusCodes.Status200OK] = new Response
            {
                ResetToken = "q3Vb8yXl2m0N4aTz7cR1sKd9fGh6jWp5eUo8iYt2rEw",
                ResetTokenExpiresAt = new DateTimeOffset(2026, 11, 26, 12, 20, 0, TimeSpan.Zero),
            };
            s.Responses[StatusCodes.Status200OK] = "The code was right: here is the reset token.";
            s.Responses[StatusCodes.Status400BadRequest] = "code_invalid (wrong or expired; attemptsRemaining says how many tries are left) or validation_failed.";
            s.Responses[StatusCodes.Status409Conflict] = "ticket_state: no code was sent yet, or it was already verified.";
            s.Responses[StatusCodes.Status423Locked] = "ticket_locked: too many wrong codes; start again.";
            s.Responses[StatusCodes.Status429TooManyRequests] = "rate_limited: too many codes tried from this client (Retry-After says when).";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rule = rules.Value;
        // Sent together, so they share a round trip: reading a ticket changes nothing, even for a
        // client that turns out to be over its limit.
        var clientLimit = limiter.ExceededAsync(RateLimitPolicy.VerifyPerClient, ClientAddress.Of(HttpContext));
        var found = tickets.FindAsync(req.TicketId, now);
        await Task.WhenAll(clientLimit, found);
        if (await clientLimit is { } clientWait)
        {
            await Send.ResultAsync(Problem.RateLimited(HttpContext, clientWait, ProblemTexts.TooManyCodesTried));
            return;
        }

        if (await found is not { } ticket)
        {
            await Send.ResultAsync(TicketProblems.NotFound(HttpContext));
            return;
        }

        // A wrong code is counted from here on, so its answer is what a retry with the same key gets.
        HttpContext.AcceptForIdempotency(ticket.ExpiresAt);

        var code = VerificationCode.TryParse(req.Code, out var parsed) ? parsed : throw new InvalidOperationException("The validator let an invalid code through.");
        var result = await tickets.CheckCodeAsync(ticket, code, now, rule);
        var clientIp = HttpContext.Connection.RemoteIpAddress?.ToString();
        switch (result.Outcome)
        {
            case CodeCheckOutcome.Verified:
                metrics.CodeVerified();
                await AuditAsync(ticket, AuditEventTypes.PasswordResetCodeVerified, now, clientIp, ct, ResetEvent.CodeVerified(ticket, now));
                await Send.OkAsync(new Response { ResetToken = result.Token!.Value.Value, ResetTokenExpiresAt = result.TokenExpiresAt!.Value }, ct);
                break;
            case CodeCheckOutcome.Wrong:
                metrics.CodeWrong();
                await Send.ResultAsync(CodeInvalid(result.AttemptsRemaining));
                break;
            case CodeCheckOutcome.WrongAndLocked:
                metrics.CodeWrong();
                metrics.TicketLocked();
                await AuditAsync(ticket, AuditEventTypes.PasswordResetTicketLocked, now, clientIp, ct);
                await Send.ResultAsync(CodeInvalid(0));
                break;
            case CodeCheckOutcome.Locked:
                await Send.ResultAsync(TicketProblems.Locked(HttpContext));
                break;
            case CodeCheckOutcome.WrongState:
                await Send.ResultAsync(TicketProblems.OutOfOrder(HttpContext, ticket.Status == TicketStatus.Started
                    ? ProblemTexts.NoCodeSentYet
                    : ProblemTexts.AlreadyVerified));
                break;
            default:
                await Send.ResultAsync(TicketProblems.NotFound(HttpContext));
                break;
        }
    }

    private IResult CodeInvalid(int attemptsRemaining) => Problem.Of(
        HttpContext, StatusCodes.Status400BadRequest, ProblemCodes.CodeInvalid,
        attemptsRemaining > 0
            ? ProblemTexts.CheckTheLatestCode.With("attempts", ProblemTexts.AttemptsLeft.Of(attemptsRemaining))
            : ProblemTexts.LastAttemptUsed,
        new Dictionary<string, object?> { ["attemptsRemaining"] = attemptsRemaining });

    /// <summary>
    /// Decoys are audited too (without a user), so both do the same work. The code is already used
    /// when this runs: were PostgreSQL down, a 503 would lose the customer's reset token, so the event
    /// goes to the log instead and the answer stands.
    /// </summary>
    private async Task AuditAsync(
        ResetTicket ticket, string type, DateTimeOffset now, string? clientIp, CancellationToken ct, ResetEvent? resetEvent = null)
    {
        var audit = AuditEvent.Record(ticket.UserId, type, now, clientIp, "ticket " + ticket.Id);
        try
        {
            if (resetEvent is not null)
            {
                await journal.RecordAsync(audit, resetEvent, ct);
            }
            else
            {
                db.AuditEvents.Add(audit);
                await db.SaveChangesAsync(ct);
            }
        }
        catch (Exception exception) when (DependencyFailures.IsDependencyFailure(exception))
        {
            LogAuditNotStored(Logger, type, ticket.Id.Value, now, exception.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit event {Type} of ticket {TicketId} at {OccurredAt} not stored ({Error}); logged here instead")]
    private static partial void LogAuditNotStored(ILogger logger, string type, string ticketId, DateTimeOffset occurredAt, string error);
}

using FastEndpoints;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using Reset.Api.Idempotency;
using Reset.Api.Localization;
using Reset.Api.Network;
using Reset.Api.Problems;
using Reset.Domain.Accounts;
using Reset.Domain.Audit;
using Reset.Domain.Passwords;
using Reset.Domain.Tickets;
using Reset.Infrastructure;
using Reset.Infrastructure.Configuration;
using Reset.Infrastructure.Email;
using Reset.Infrastructure.Email.Templates;
using Reset.Infrastructure.Events;
using Reset.Infrastructure.Localization;
using Reset.Infrastructure.Observability;
using Reset.Infrastructure.Passwords;
using Reset.Infrastructure.Persistence;
using Reset.Infrastructure.RateLimiting;
using Reset.Infrastructure.Redis;

using static Reset.Api.Features.PasswordResets.Examples;

namespace Reset.Api.Features.PasswordResets.SetPassword;

/// <summary>
/// Step 4: "Submit". Checks the reset token (and counts the submission against its bound), that both
/// passwords match, and the policy; then takes the token, and in one transaction stores the new Argon2id hash, rotates the security stamp, writes
/// an audit event and queues the "password changed" e-mail. If that transaction does not commit,
/// the token is given back, and the submission uncounted, so the customer can try again. Then every other ticket of the account is void.
/// </summary>
/// <remarks>
/// A commit can succeed while its reply is lost: the customer got a 503 and has the token back. Their
/// retry finds the change already made by this ticket (its audit event, and the same password) and
/// answers 204 as the first attempt should have; nothing is changed twice.
/// </remarks>
public sealed partial class Endpoint(
    ResetDbContext db,
    ResetTicketStore tickets,
    RateLimiter limiter,
    PasswordEvaluator policy,
    IPasswordHasher hasher,
    OutboxSignal outbox,
    IOptions<ShopOptions> shop,
    IOptions<ResetRules> rules,
    TimeProvider time,
    ResetMetrics metrics) : Endpoint<Request>
{
    public override void Configure()
    {
        Post("/password-resets/{ticketId}/password");
        AllowAnonymous();
        Options(b => b.TakesIdempotencyKey());
        Description(b => b
            .WithName("setNewPassword")
            .WithTags("Password resets")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblems(
                StatusCodes.Status400BadRequest,
                StatusCodes.Status401Unauthorized,
                StatusCodes.Status404NotFound,
                StatusCodes.Status409Conflict,
                StatusCodes.Status423Locked,
                StatusCodes.Status429TooManyRequests,
                StatusCodes.Status503ServiceUnavailable));
        Summary(s =>
        {
            s.Summary = "Set the new password";
            s.Description = "The customer is not signed in by this: they sign in with the new password as usual.";
            s.ExampleRequest = new Request
            {
                TicketId = ExampleTicketId,
                ResetToken = "q3Vb8yXl2m0N4aTz7cR1sKd9fGh6jWp5eUo8iYt2rEw",
                NewPassword = "violet kettle drums at noon",
                ConfirmPassword = "violet kettle drums at noon",
            };
            s.Responses[StatusCodes.Status204NoContent] = "The password was changed.";
            s.Responses[StatusCodes.Status400BadRequest] = "password_rejected (violations says why), passwords_mismatch or validation_failed.";
            s.Responses[StatusCodes.Status401Unauthorized] = "reset_token_invalid: wrong, expired or already used.";
            s.Responses[StatusCodes.Status409Conflict] = "ticket_state: the code was not verified yet, or the account can no longer be reset here.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (await limiter.ExceededAsync(RateLimitPolicy.SetPasswordPerClient, ClientAddress.Of(HttpContext)) is { } clientWait)
        {
            await Send.ResultAsync(Problem.RateLimited(HttpContext, clientWait, ProblemTexts.TooManyAttempts));
            return;
        }

        if (await tickets.FindAsync(req.TicketId, now) is not { } ticket)
        {
            await Send.ResultAsync(TicketProblems.NotFound(HttpContext));
            return;
        }

        HttpContext.AcceptForIdempotency(ticket.ExpiresAt);

        if (ticket.Status != TicketStatus.Verified)
        {
            await Send.ResultAsync(ticket.Status switch
            {
                TicketStatus.Locked => TicketProblems.Locked(HttpContext),
                // Its token was used: the contract's "already used" is reset_token_invalid.
                TicketStatus.Completed => TokenInvalid(),
                _ => TicketProblems.OutOfOrder(HttpContext, ProblemTexts.VerifyFirst),
            });
            return;
        }

        // Each submission with the live token counts, before anything is checked, so parallel ones cannot
        // pass the bound together; the token is spent past MaxPasswordSubmissionsPerToken.
        if (!ResetToken.TryParse(req.ResetToken, out var token)
            || !await tickets.CountSubmissionAsync(ticket.Id, token, now, rules.Value.MaxPasswordSubmissionsPerToken))
        {
            await Send.ResultAsync(TokenInvalid());
            return;
        }

        string newPassword;
        string hash;
        UserAccount user;
        try
        {
            newPassword = Reset.Domain.Passwords.PasswordPolicy.Normalize(req.NewPassword!);
            if (!string.Equals(newPassword, Reset.Domain.Passwords.PasswordPolicy.Normalize(req.ConfirmPassword!), StringComparison.Ordinal))
            {
                await Send.ResultAsync(Problem.Of(HttpContext, StatusCodes.Status400BadRequest, ProblemCodes.PasswordsMismatch,
                    ProblemTexts.TypeTheSamePassword));
                return;
            }

            if (ticket.UserId is not { } userId || await db.Users.FindAsync([userId], ct) is not { MayResetPassword: true } found)
            {
                // The account was removed, locked or disabled since the ticket started.
                await Send.ResultAsync(TicketProblems.OutOfOrder(HttpContext, ProblemTexts.AccountNotResettable));
                return;
            }

            user = found;

            if (ticket.PredatesPasswordChange(user.PasswordChangedAt))
            {
                if (await ChangedByThisTicketAsync(user, ticket, newPassword, ct))
                {
                    await FinishAsync(ticket);
                    await Send.NoContentAsync(ct);
                    return;
                }

                await Send.ResultAsync(TicketProblems.OutOfOrder(HttpContext,
                    ProblemTexts.ChangedSinceStart));
                return;
            }

            // No comparison with the current password: it would make the token an oracle for it. Offered
            // again, it is simply set again, with a new salt and stamp: one Argon2id hash per change.
            var evaluation = await policy.EvaluateAsync(newPassword, new PasswordContext(Email: user.Email, MemberId: user.MemberId), ct);
            if (!evaluation.Acceptable)
            {
                await Send.ResultAsync(Problem.Of(HttpContext, StatusCodes.Status400BadRequest, ProblemCodes.PasswordRejected,
                    ProblemTexts.ChooseAnotherPassword,
                    new Dictionary<string, object?> { ["violations"] = Violations(evaluation), ["score"] = evaluation.Score }));
                return;
            }

            hash = await hasher.HashAsync(newPassword, ct);
        }
        catch (Exception exception) when (DependencyFailures.IsDependencyFailure(exception))
        {
            // A 503 is the service's failure, not a refused try: the customer's retry must not spend the token.
            await UncountAsync(ticket.Id);
            throw;
        }

        switch (await tickets.TakeTokenAsync(ticket.Id, token, now))
        {
            case "ok":
                break;
            case "not_found":
                await Send.ResultAsync(TicketProblems.NotFound(HttpContext));
                return;
            default:
                // A parallel request with the same token took it first (and may have completed the ticket).
                await Send.ResultAsync(TokenInvalid());
                return;
        }

        try
        {
            var changedAt = time.GetUtcNow();
            user.ChangePassword(hash, changedAt);
            db.AuditEvents.Add(AuditEvent.Record(user.Id, AuditEventTypes.PasswordChanged, changedAt,
                HttpContext.Connection.RemoteIpAddress?.ToString(), AuditDetail(ticket)));
            db.OutboxMessages.Add(Outbox.Message(Outbox.PasswordChangedKind, user.Email, EmailTemplates.PasswordChanged(changedAt, shop.Value, Languages.FromTag(user.PreferredLocale)), changedAt));
            db.Events.Add(ResetEvent.PasswordChanged(ticket, changedAt));
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch
        {
            // Nothing was committed: the token works again, and the customer gets a 503 (or 500) to retry.
            await tickets.GiveTokenBackAsync(ticket.Id, token, time.GetUtcNow());
            throw;
        }

        outbox.Notify();
        metrics.PasswordChanged();
        await FinishAsync(ticket);
        await Send.NoContentAsync(ct);
    }

    private static string AuditDetail(ResetTicket ticket) => "ticket " + ticket.Id.Value;

    private async Task<bool> ChangedByThisTicketAsync(UserAccount user, ResetTicket ticket, string newPassword, CancellationToken ct)
    {
        var detail = AuditDetail(ticket);
        return await db.AuditEvents.AnyAsync(e => e.UserId == user.Id && e.Type == AuditEventTypes.PasswordChanged && e.Detail == detail, ct)
            && await hasher.VerifyAsync(user.PasswordHash, newPassword, ct);
    }

    /// <summary>
    /// After the commit the change stands, and the answer must say so: a Redis failure here is logged,
    /// not answered 503. The token is already taken, and the account's other tickets predate the
    /// change, so they are refused even where voiding them failed.
    /// </summary>
    private async Task FinishAsync(ResetTicket ticket)
    {
        try
        {
            await tickets.MarkCompletedAsync(ticket.Id);
            await tickets.VoidOtherTicketsAsync(ticket.AccountKey, ticket.Id);
        }
        catch (Exception exception) when (DependencyFailures.IsDependencyFailure(exception))
        {
            LogFinishFailed(Logger, exception.GetType().Name);
        }
    }

    /// <summary>Best effort: with Redis down too, the count stays, and the token allows one try less.</summary>
    private async Task UncountAsync(TicketId id)
    {
        try
        {
            await tickets.UncountSubmissionAsync(id);
        }
        catch (Exception exception) when (DependencyFailures.IsDependencyFailure(exception))
        {
            LogUncountFailed(Logger, exception.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Password submission failed on a dependency; uncounting it in Redis failed too ({Error})")]
    private static partial void LogUncountFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Password changed; closing its ticket in Redis failed ({Error})")]
    private static partial void LogFinishFailed(ILogger logger, string error);

    private IResult TokenInvalid() => Problem.Of(HttpContext, StatusCodes.Status401Unauthorized, ProblemCodes.ResetTokenInvalid,
        ProblemTexts.TokenNotValid);

    /// <summary>The broken rules with their messages in the request's language.</summary>
    private PasswordViolation[] Violations(PasswordEvaluation evaluation) =>
        [.. evaluation.Violations.Select(v => v with { Message = PasswordTexts.MessageFor(v, policy.Settings, Languages.Current) })];
}

using FastEndpoints;
using Microsoft.Extensions.Options;
using Reset.Api.Idempotency;
using Reset.Api.Localization;
using Reset.Api.Network;
using Reset.Api.Problems;
using Reset.Domain.Accounts;
using Reset.Domain.Audit;
using Reset.Domain.Logins;
using Reset.Domain.Tickets;
using Reset.Infrastructure.Events;
using Reset.Infrastructure.HumanCheck;
using Reset.Infrastructure.Localization;
using Reset.Infrastructure.Observability;
using Reset.Infrastructure.Persistence;
using Reset.Infrastructure.RateLimiting;
using Reset.Infrastructure.Redis;

namespace Reset.Api.Features.PasswordResets.Start;

/// <summary>
/// Step 1: a login and a passed human check start a ticket. A login that matches no account that may
/// reset gets a decoy ticket that answers the same way, so nobody learns who is a customer here.
/// </summary>
public sealed partial class Endpoint(
    IHumanCheckVerifier humanCheck,
    ResetDbContext db,
    ResetTicketStore tickets,
    TicketJournal journal,
    RateLimiter limiter,
    IOptions<ResetRules> rules,
    TimeProvider time,
    ILogger<Endpoint> logger,
    ResetMetrics metrics) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/password-resets");
        AllowAnonymous();
        Options(b => b.TakesIdempotencyKey());
        Description(b => b
            .WithName("startPasswordReset")
            .WithTags("Password resets")
            .Produces<Response>(StatusCodes.Status201Created)
            .ProducesProblems(
                StatusCodes.Status400BadRequest,
                StatusCodes.Status429TooManyRequests,
                StatusCodes.Status503ServiceUnavailable));
        Summary(s =>
        {
            s.Summary = "Start a password reset";
            s.Description = "Checks the human-check token first, then opens a ticket for the login. " +
                "The answer is the same whether or not the login belongs to a customer.";
            s.ExampleRequest = new Request { Login = "john@example.com", HumanCheckToken = "eyJwYXJhbWV0ZXJzIjp7Li4ufX0=" };
            // Spelled out: the example serializer ignores [JsonPolymorphic] and would leave out "method".
            s.ResponseExamples[StatusCodes.Status201Created] = new
            {
                ticketId = Examples.ExampleTicketId,
                status = "started",
                expiresAt = new DateTimeOffset(2026, 11, 26, 12, 30, 0, TimeSpan.Zero),
                methods = new object[] { new { method = "email", destination = "j***n@e***.com" }, new { method = "support" } },
            };
            s.Responses[StatusCodes.Status201Created] = "The ticket: its id, expiry and the ways to prove the account.";
            s.Responses[StatusCodes.Status400BadRequest] = "validation_failed, malformed_request or human_check_failed.";
            s.Responses[StatusCodes.Status429TooManyRequests] = "rate_limited: too many resets from this client or for this login (Retry-After says when).";
            s.Responses[StatusCodes.Status503ServiceUnavailable] = "dependency_unavailable: a store or the human-check provider is down.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (await limiter.ExceededAsync(RateLimitPolicy.StartPerClient, ClientAddress.Of(HttpContext)) is { } clientWait)
        {
            await Send.ResultAsync(Problem.RateLimited(HttpContext, clientWait, TooManyResets));
            return;
        }

        var remoteIp = HttpContext.Connection.RemoteIpAddress?.ToString();
        var verdict = await humanCheck.VerifyAsync(req.HumanCheckToken ?? string.Empty, remoteIp, ct);
        if (!verdict.Passed)
        {
            LogHumanCheckFailed(verdict.Reason);
            await Send.ResultAsync(TicketProblems.HumanCheckFailed(HttpContext));
            return;
        }

        var login = LoginIdentifier.TryParse(req.Login, out var parsed) ? parsed : throw new InvalidOperationException("The validator let an invalid login through.");
        // Per login from this client network, under a wide cap per login: strangers elsewhere cannot
        // spend the owner's share. Counted the same way whether or not the login is an account's.
        if (await limiter.ExceededAsync(RateLimitPolicy.StartPerLoginAndNetwork, RateLimitPolicy.StartPerLogin,
            login.Normalized, ClientAddress.NetworkOf(HttpContext)) is { } loginWait)
        {
            await Send.ResultAsync(Problem.RateLimited(HttpContext, loginWait, TooManyResets));
            return;
        }

        var now = time.GetUtcNow();
        var account = await FindAccountAsync(login, ct);
        var ticket = ResetTicket.Start(TicketId.New(), login, account, now, rules.Value);
        await tickets.CreateAsync(ticket);
        HttpContext.AcceptForIdempotency(ticket.ExpiresAt);

        // Written for decoys too (without a user), so both paths do the same work.
        await journal.RecordAsync(
            AuditEvent.Record(ticket.UserId, AuditEventTypes.PasswordResetRequested, now, remoteIp, "ticket " + ticket.Id),
            ResetEvent.ResetRequested(ticket, now), ct);
        metrics.TicketStarted();

        HttpContext.Response.Headers.Location = $"/api/v1/password-resets/{ticket.Id}";
        await Send.ResponseAsync(
            new Response(ticket.Id.Value, ticket.Status.ToWire(), ticket.ExpiresAt, ResetMethod.For(ticket.Destination)),
            StatusCodes.Status201Created, ct);
    }

    private static readonly Text TooManyResets = ProblemTexts.TooManyResets;

    private Task<UserAccount?> FindAccountAsync(LoginIdentifier login, CancellationToken ct) =>
        login.IsEmail ? AccountQueries.ByEmailAsync(db, login.Email!.Value, ct) : AccountQueries.ByMemberIdAsync(db, login.MemberId!.Value, ct);

    [LoggerMessage(Level = LogLevel.Information, Message = "Password reset refused: human check failed ({Reason})")]
    private partial void LogHumanCheckFailed(string reason);
}

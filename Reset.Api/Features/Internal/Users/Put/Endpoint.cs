using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Reset.Api.ApiKeys;
using Reset.Api.Problems;
using Reset.Domain.Accounts;
using Reset.Domain.Audit;
using Reset.Domain.Logins;
using Reset.Domain.Passwords;
using Reset.Domain.Tickets;
using Reset.Infrastructure;
using Reset.Infrastructure.Passwords;
using Reset.Infrastructure.Persistence;
using Reset.Infrastructure.Redis;
using PasswordRules = Reset.Domain.Passwords.PasswordPolicy;

namespace Reset.Api.Features.Internal.Users.Put;

/// <summary>
/// The shop provisions a customer, or updates one, by its own id. A new e-mail address, locking or
/// disabling, or a new password hash voids the customer's open reset tickets (before the change is
/// stored, so no code goes to an old address or to an account that may no longer reset; and once more
/// after, for a ticket started in between), and the first two rotate the security stamp.
/// </summary>
public sealed partial class Endpoint(
    ResetDbContext db,
    ResetTicketStore tickets,
    PasswordEvaluator policy,
    IPasswordHasher hasher,
    TimeProvider time) : Endpoint<Request, UserResponse>
{
    public override void Configure()
    {
        Put("/users/{id}");
        Group<InternalApi>();
        Policies(ApiScopes.UsersWrite);
        Description(b => b
            .WithName("putUser")
            .WithTags(InternalApi.Tag)
            .Produces<UserResponse>(StatusCodes.Status200OK)
            .Produces<UserResponse>(StatusCodes.Status201Created)
            .ProducesProblems(
                StatusCodes.Status400BadRequest,
                StatusCodes.Status401Unauthorized,
                StatusCodes.Status403Forbidden,
                StatusCodes.Status409Conflict,
                StatusCodes.Status503ServiceUnavailable));
        Summary(s =>
        {
            InternalApi.DescribeAccess(s, ApiScopes.UsersWrite);
            s.Summary = "Create or update a customer";
            s.Description = "Scope `users:write`. The body is the whole profile: email, locale and status always; memberId and phone null for none. " +
                "A new customer needs exactly one of initialPassword (checked against the password policy, hashed here) or passwordHash (an Argon2id PHC string). " +
                "On an existing customer, passwordHash replaces the hash and initialPassword is refused. A new e-mail address, locking or disabling rotate the security stamp; " +
                "those and a new hash void the customer's open reset tickets.";
            s.ExampleRequest = new Request
            {
                Id = UserResponse.Example.Id,
                Email = "john@example.com",
                MemberId = "john_d",
                Phone = "+380441234567",
                Locale = "uk",
                Status = "active",
                PasswordHash = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0zXl3wWm7T1bIuG2vC9kHq8Yd5FjRrEaNpLs4oUx6tM",
            };
            s.ResponseExamples[StatusCodes.Status200OK] = UserResponse.Example;
            s.ResponseExamples[StatusCodes.Status201Created] = UserResponse.Example;
            s.Responses[StatusCodes.Status200OK] = "The customer existed and now has this profile.";
            s.Responses[StatusCodes.Status201Created] = "The customer was created.";
            s.Responses[StatusCodes.Status400BadRequest] = "validation_failed (errors says which field), malformed_request, or password_rejected (violations says why).";
            s.Responses[StatusCodes.Status409Conflict] = "email_taken or member_id_taken: another customer has it; concurrent_change: another request changed this customer at the same moment.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var profile = new AccountProfile(
            EmailAddress.Parse(req.Email!),
            req.MemberId is null ? null : MemberId.Parse(req.MemberId),
            req.Phone is null ? null : PhoneNumber.Parse(req.Phone),
            req.Locale!,
            StatusNames.TryParse(req.Status, out var status) ? status : throw new InvalidOperationException("The validator let an invalid status through."));

        if (await TakenByAnotherAsync(req.Id, profile, ct) is { } taken)
        {
            await Send.ResultAsync(taken);
            return;
        }

        var user = await db.Users.FindAsync([req.Id], ct);
        if (user is null)
        {
            await CreateAsync(req, profile, ct);
            return;
        }

        if (req.InitialPassword is not null)
        {
            await Send.ResultAsync(Problem.Of(HttpContext, StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed,
                "The request is not valid.", "One or more fields break the rules; see errors.",
                errors: new Dictionary<string, string[]>
                {
                    ["initialPassword"] = ["Only a new customer gets an initial password. Send passwordHash to replace the hash, or let the customer reset the password."],
                }));
            return;
        }

        await UpdateAsync(user, profile, req.PasswordHash, ct);
    }

    private async Task CreateAsync(Request req, AccountProfile profile, CancellationToken ct)
    {
        string hash;
        if (req.PasswordHash is not null)
        {
            hash = req.PasswordHash;
        }
        else if (req.InitialPassword is not null)
        {
            var password = PasswordRules.Normalize(req.InitialPassword);
            var evaluation = await policy.EvaluateAsync(password, new PasswordContext(Email: profile.Email.Value, MemberId: profile.MemberId?.Value), ct);
            if (!evaluation.Acceptable)
            {
                await Send.ResultAsync(Problem.Of(HttpContext, StatusCodes.Status400BadRequest, ProblemCodes.PasswordRejected,
                    "The initial password is not allowed.", "Choose another password; violations says why.",
                    new Dictionary<string, object?> { ["violations"] = evaluation.Violations, ["score"] = evaluation.Score }));
                return;
            }

            hash = await hasher.HashAsync(password, ct);
        }
        else
        {
            await Send.ResultAsync(Problem.Of(HttpContext, StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed,
                "The request is not valid.", "One or more fields break the rules; see errors.",
                errors: new Dictionary<string, string[]> { ["passwordHash"] = ["A new customer needs initialPassword or passwordHash."] }));
            return;
        }

        var now = time.GetUtcNow();
        var user = UserAccount.Provision(req.Id, profile, hash, now);
        db.Users.Add(user);
        db.AuditEvents.Add(AuditEvent.Record(user.Id, AuditEventTypes.AccountProvisioned, now, ClientIp, "by API key " + User.ApiKeyId()));
        if (!await SaveAsync(ct))
        {
            return;
        }

        HttpContext.Response.Headers.Location = $"/internal/v1/users/{user.Id}";
        await Send.ResponseAsync(UserResponse.From(user), StatusCodes.Status201Created, ct);
    }

    private async Task UpdateAsync(UserAccount user, AccountProfile profile, string? passwordHash, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var change = user.UpdateProfile(profile, now);
        var hashReplaced = passwordHash is not null && user.ReplacePasswordHash(passwordHash, now);
        if (!change.Changed && !hashReplaced)
        {
            await Send.OkAsync(UserResponse.From(user), ct);
            return;
        }

        var voids = change.VoidsOpenTickets || hashReplaced;
        var accountKey = ResetTicket.AccountKeyOf(user.Id);
        if (voids)
        {
            // Before the change is stored: were Redis down, this fails (503) and nothing changes.
            await tickets.VoidAllTicketsAsync(accountKey);
        }

        db.AuditEvents.Add(AuditEvent.Record(user.Id, AuditEventTypes.AccountUpdated, now, ClientIp,
            $"by API key {User.ApiKeyId()}: {Describe(change, hashReplaced)}"));
        if (!await SaveAsync(ct))
        {
            return;
        }

        if (voids)
        {
            await VoidAgainAsync(accountKey);
        }

        await Send.OkAsync(UserResponse.From(user), ct);
    }

    /// <summary>Another customer holding the e-mail address or member ID: 409, before anything is written.</summary>
    private async Task<IResult?> TakenByAnotherAsync(Guid id, AccountProfile profile, CancellationToken ct)
    {
        var email = profile.Email.Value;
        if (await db.Users.AnyAsync(u => u.Id != id && u.Email == email, ct))
        {
            return EmailTaken();
        }

        var memberId = profile.MemberId?.Value;
        return memberId is not null && await db.Users.AnyAsync(u => u.Id != id && u.MemberId == memberId, ct) ? MemberIdTaken() : null;
    }

    /// <summary>Commits; a unique index or the row version refusing it (a race with another request) is a 409, not a 500.</summary>
    private async Task<bool> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            await Send.ResultAsync(UserProblems.ConcurrentChange(HttpContext));
            return false;
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            await Send.ResultAsync(unique.ConstraintName switch
            {
                "ix_users_email" => EmailTaken(),
                "ix_users_member_id" => MemberIdTaken(),
                _ => UserProblems.ConcurrentChange(HttpContext),
            });
            return false;
        }
    }

    /// <summary>After the commit the change stands: a ticket started meanwhile is voided if Redis answers, else logged.</summary>
    private async Task VoidAgainAsync(string accountKey)
    {
        try
        {
            await tickets.VoidAllTicketsAsync(accountKey);
        }
        catch (Exception exception) when (DependencyFailures.IsDependencyFailure(exception))
        {
            LogVoidFailed(Logger, exception.GetType().Name);
        }
    }

    private static string Describe(ProfileChange change, bool hashReplaced)
    {
        var parts = new List<string>();
        if (change.Changed)
        {
            parts.Add("profile");
        }

        if (change.EmailChanged)
        {
            parts.Add("e-mail address");
        }

        if (change.Deactivated)
        {
            parts.Add("deactivated");
        }

        if (hashReplaced)
        {
            parts.Add("password hash");
        }

        return string.Join(", ", parts);
    }

    private string? ClientIp => HttpContext.Connection.RemoteIpAddress?.ToString();

    private IResult EmailTaken() => Problem.Of(HttpContext, StatusCodes.Status409Conflict, ProblemCodes.EmailTaken,
        "Another customer has this e-mail address.", "E-mail addresses are unique, whatever their case. Check which customer should have it.");

    private IResult MemberIdTaken() => Problem.Of(HttpContext, StatusCodes.Status409Conflict, ProblemCodes.MemberIdTaken,
        "Another customer has this member ID.", "Member IDs are unique, whatever their case. Check which customer should have it.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Customer updated; voiding its open reset tickets once more failed ({Error})")]
    private static partial void LogVoidFailed(ILogger logger, string error);
}

using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using NJsonSchema.Annotations;
using Reset.Api.ApiKeys;
using Reset.Api.Problems;
using Reset.Infrastructure.Persistence;

namespace Reset.Api.Features.Internal.Users.Get;

[JsonSchema("GetUserRequest")]
public sealed class Request
{
    public Guid Id { get; init; }
}

/// <summary>A customer as this service holds it, e.g. to check what a provisioning call left behind.</summary>
public sealed class Endpoint(ResetDbContext db) : Endpoint<Request, UserResponse>
{
    public override void Configure()
    {
        Get("/users/{id}");
        Group<InternalApi>();
        Policies(ApiScopes.UsersRead);
        Description(b => b
            .WithName("getUser")
            .WithTags(InternalApi.Tag)
            .ProducesProblems(
                StatusCodes.Status400BadRequest,
                StatusCodes.Status401Unauthorized,
                StatusCodes.Status403Forbidden,
                StatusCodes.Status404NotFound,
                StatusCodes.Status503ServiceUnavailable));
        Summary(s =>
        {
            InternalApi.DescribeAccess(s, ApiScopes.UsersRead);
            s.Summary = "Read a customer";
            s.Description = "Scope `users:read`.";
            s.ExampleRequest = new Request { Id = UserResponse.Example.Id };
            s.ResponseExamples[StatusCodes.Status200OK] = UserResponse.Example;
            s.Responses[StatusCodes.Status200OK] = "The customer.";
            s.Responses[StatusCodes.Status404NotFound] = "user_not_found.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == req.Id, ct) is not { } user)
        {
            await Send.ResultAsync(UserProblems.NotFound(HttpContext));
            return;
        }

        await Send.OkAsync(UserResponse.From(user), ct);
    }
}

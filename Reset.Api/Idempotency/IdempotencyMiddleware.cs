using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Reset.Domain.Tickets;
using Reset.Api.Localization;
using Reset.Api.Problems;
using Reset.Infrastructure;
using Reset.Infrastructure.Localization;
using Reset.Infrastructure.Redis;

namespace Reset.Api.Idempotency;

/// <summary>
/// A POST with an Idempotency-Key header to an endpoint that takes one (<see cref="IdempotentEndpoint"/>),
/// retried with the same key and body, gets the first answer again instead of running twice: what a
/// mobile app on a flaky network needs. The same key with another body answers 422; a retry while the
/// first is still running, 409. Only answers to requests the endpoint accepted are remembered (a 2xx,
/// or a 4xx after <see cref="IdempotentRequestExtensions.AcceptForIdempotency"/>), never a 429 or 5xx,
/// and no longer than the ticket they concern lives: their number is bounded by the rate limits.
/// </summary>
internal static class IdempotencyMiddleware
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 255;

    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // WebApplication routes before this pipeline runs, so the endpoint is known here.
            if (!HttpMethods.IsPost(context.Request.Method)
                || context.GetEndpoint()?.Metadata.GetMetadata<IdempotentEndpoint>() is null
                || !context.Request.Headers.TryGetValue(Header, out var values))
            {
                await next(context);
                return;
            }

            var key = values.ToString();
            if (key.Length is 0 or > MaxKeyLength || key.Any(c => c is < '!' or > '~'))
            {
                await Problem.Of(context, StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed,
                    ProblemTexts.IdempotencyKeyShape.With("header", Header).With("max", MaxKeyLength),
                    errors: new Dictionary<string, string[]> { [Header] = [ProblemTexts.IdempotencyKeyField.With("max", MaxKeyLength).In(Languages.Current)] }).ExecuteAsync(context);
                return;
            }

            var store = context.RequestServices.GetRequiredService<IdempotencyStore>();
            var scope = context.Request.Path.Value ?? string.Empty;
            var requestHash = await HashBodyAsync(context.Request);

            if (!await store.TryClaimAsync(scope, key, requestHash))
            {
                await AnswerRepeatAsync(context, store, scope, key, requestHash);
                return;
            }

            var original = context.Response.Body;
            using var captured = new MemoryStream();
            context.Response.Body = captured;
            var request = new IdempotentRequest();
            context.Features.Set(request);
            try
            {
                await next(context);
            }
            catch
            {
                await ReleaseQuietlyAsync(context, store, scope, key);
                throw;
            }
            finally
            {
                context.Response.Body = original;
            }

            if (LifetimeOfAnswer(context, request) is not { } lifetime)
            {
                await ReleaseQuietlyAsync(context, store, scope, key);
            }
            else
            {
                var headers = context.Response.Headers;
                try
                {
                    await store.StoreAsync(scope, key, requestHash, new StoredAnswer(
                        context.Response.StatusCode, context.Response.ContentType, headers.Location, headers.RetryAfter, captured.ToArray()), lifetime);
                }
                catch (Exception exception) when (DependencyFailures.IsDependencyFailure(exception))
                {
                    // The work is done and its answer must reach the client. A retry meets the pending
                    // claim (409, try again) until it lapses, then runs again; every endpoint copes with that.
                    Log(context).LogWarning("Idempotency-Key answer not stored ({Error})", exception.GetType().Name);
                }
            }

            captured.Position = 0;
            await captured.CopyToAsync(original);
        });

    /// <summary>
    /// How long the answer is remembered, or null when it is not: a refusal before the endpoint
    /// accepted the request (validation, human check, a rate limit: a retry after the window must run
    /// anew), any 429, and 5xx (worth retrying). At most the ticket lifetime, and never past the ticket.
    /// </summary>
    private static TimeSpan? LifetimeOfAnswer(HttpContext context, IdempotentRequest request)
    {
        var status = context.Response.StatusCode;
        var accepted = status is >= 200 and < 300
            || (request.Accepted && status is >= 400 and < 500 && status != StatusCodes.Status429TooManyRequests);
        if (!accepted)
        {
            return null;
        }

        var lifetime = context.RequestServices.GetRequiredService<IOptions<ResetRules>>().Value.TicketLifetime;
        if (request.ConcernsUntil is { } until)
        {
            var left = until - context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            lifetime = left < lifetime ? left : lifetime;
        }

        return lifetime > TimeSpan.Zero ? lifetime : null;
    }

    /// <summary>
    /// Frees the key for a retry. Redis may be what failed: then the claim lapses by itself after
    /// <see cref="IdempotencyStore.PendingLifetime"/>, and the original failure is what the client hears.
    /// </summary>
    private static async Task ReleaseQuietlyAsync(HttpContext context, IdempotencyStore store, string scope, string key)
    {
        try
        {
            await store.ReleaseAsync(scope, key);
        }
        catch (Exception exception) when (DependencyFailures.IsDependencyFailure(exception))
        {
            Log(context).LogWarning("Idempotency-Key not released ({Error}); it lapses by itself", exception.GetType().Name);
        }
    }

    private static ILogger Log(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Reset.Api.Idempotency");

    private static async Task AnswerRepeatAsync(HttpContext context, IdempotencyStore store, string scope, string key, byte[] requestHash)
    {
        var (state, answer) = await store.ReadStateAsync(scope, key, requestHash);
        switch (state)
        {
            case IdempotencyState.Answered:
                context.Response.StatusCode = answer!.Status;
                context.Response.ContentType = answer.ContentType;
                if (answer.Location is { Length: > 0 })
                {
                    context.Response.Headers.Location = answer.Location;
                }

                if (answer.RetryAfter is { Length: > 0 })
                {
                    context.Response.Headers.RetryAfter = answer.RetryAfter;
                }

                context.Response.Headers[ReplayedHeader] = "true";
                await context.Response.Body.WriteAsync(answer.Body);
                break;
            case IdempotencyState.OtherRequest:
                await Problem.Of(context, StatusCodes.Status422UnprocessableEntity, ProblemCodes.IdempotencyKeyReused,
                    ProblemTexts.NewKeyForNewRequest).ExecuteAsync(context);
                break;
            default:
                // Still running, or gone a moment ago: either way, ask again shortly.
                context.Response.Headers.RetryAfter = "1";
                await Problem.Of(context, StatusCodes.Status409Conflict, ProblemCodes.IdempotencyInProgress,
                    ProblemTexts.RetryForItsAnswer).ExecuteAsync(context);
                break;
        }
    }

    /// <summary>SHA-256 of the body (at most 64 KiB by the body guard), left readable for the endpoint.</summary>
    private static async Task<byte[]> HashBodyAsync(HttpRequest request)
    {
        request.EnableBuffering();
        var hash = await SHA256.HashDataAsync(request.Body);
        request.Body.Position = 0;
        return hash;
    }
}

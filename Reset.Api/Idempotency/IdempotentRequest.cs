namespace Reset.Api.Idempotency;

/// <summary>
/// What an endpoint tells <see cref="IdempotencyMiddleware"/> about the request it is answering:
/// that it took it past its rate limits and checks, and until when the thing it concerns (a ticket)
/// lives. Only an accepted request's answer is remembered, never longer than that.
/// </summary>
internal sealed class IdempotentRequest
{
    /// <summary>True once the endpoint accepted the request; a 2xx answer counts as accepted too.</summary>
    public bool Accepted { get; private set; }

    /// <summary>When the ticket the request concerns expires; null when it concerns none.</summary>
    public DateTimeOffset? ConcernsUntil { get; private set; }

    public void Accept(DateTimeOffset? concernsUntil)
    {
        Accepted = true;
        ConcernsUntil = concernsUntil;
    }
}

internal static class IdempotentRequestExtensions
{
    /// <summary>
    /// Call once the request passed the endpoint's rate limits and found its ticket: from here on its
    /// answer, even a 4xx such as a counted wrong code, is what a retry with the same key gets, until
    /// the ticket expires. Does nothing for a request without an Idempotency-Key.
    /// </summary>
    public static void AcceptForIdempotency(this HttpContext context, DateTimeOffset ticketExpiresAt) =>
        context.Features.Get<IdempotentRequest>()?.Accept(ticketExpiresAt);
}

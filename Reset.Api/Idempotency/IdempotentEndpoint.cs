namespace Reset.Api.Idempotency;

/// <summary>
/// Endpoint metadata: this endpoint takes an Idempotency-Key. Only such endpoints run through
/// <see cref="IdempotencyMiddleware"/>; an unknown route, another method or an endpoint without it
/// never leaves a record in Redis.
/// </summary>
internal sealed class IdempotentEndpoint
{
    public static readonly IdempotentEndpoint Metadata = new();

    private IdempotentEndpoint()
    {
    }
}

internal static class IdempotentEndpointConventions
{
    /// <summary>In an endpoint's Configure(): <c>Options(b => b.TakesIdempotencyKey())</c>.</summary>
    public static TBuilder TakesIdempotencyKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(IdempotentEndpoint.Metadata);
}

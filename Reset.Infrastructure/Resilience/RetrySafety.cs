using Polly;

namespace Reset.Infrastructure.Resilience;

/// <summary>
/// Whether a call may run twice. A read may; a change may not, because a failure after the server
/// received it (a lost reply, a timeout) leaves open whether it took effect. Every call may be
/// retried when it failed before it reached the server at all: <see cref="TransientFailures"/> says when.
/// </summary>
public enum RetrySafety
{
    /// <summary>Changes state: retried only when it provably never reached the server.</summary>
    AtMostOnce,

    /// <summary>Reads, or writes that give the same result however often they run.</summary>
    Repeatable,
}

public static class ResiliencePipelineExtensions
{
    internal static readonly ResiliencePropertyKey<RetrySafety> SafetyKey = new("reset.retry-safety");

    /// <summary>Runs <paramref name="operation"/> through the pipeline, telling its retry strategy how safe a retry is.</summary>
    public static async Task<T> RunAsync<T>(
        this ResiliencePipeline pipeline, RetrySafety safety, Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken = default)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(SafetyKey, safety);
        try
        {
            return await pipeline.ExecuteAsync(static async (ctx, run) => await run(ctx.CancellationToken), context, operation);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    public static Task RunAsync(
        this ResiliencePipeline pipeline, RetrySafety safety, Func<CancellationToken, Task> operation, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(safety, async ct =>
        {
            await operation(ct);
            return true;
        }, cancellationToken);

    internal static RetrySafety SafetyOf(ResilienceContext context) => context.Properties.GetValue(SafetyKey, RetrySafety.AtMostOnce);
}

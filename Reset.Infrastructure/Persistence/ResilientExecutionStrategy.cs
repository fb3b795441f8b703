using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Polly;
using Reset.Infrastructure.Resilience;

namespace Reset.Infrastructure.Persistence;

/// <summary>
/// Runs every query and SaveChanges through the PostgreSQL pipeline: bounded, behind the circuit
/// breaker, and retried only when the connection could not be opened. EF Core cannot tell a read
/// from a write here, and a write whose COMMIT reply was lost may have happened: running it again
/// could change a password twice or queue an e-mail twice.
/// </summary>
/// <remarks>
/// <see cref="RetriesOnFailure"/> is false so that explicit transactions (the outbox claim) stay
/// allowed: a refused connection can only happen before a transaction has begun.
/// </remarks>
internal sealed class ResilientExecutionStrategy(ExecutionStrategyDependencies dependencies, ResiliencePipeline pipeline) : IExecutionStrategy
{
    public bool RetriesOnFailure => false;

    public TResult Execute<TState, TResult>(
        TState state, Func<DbContext, TState, TResult> operation, Func<DbContext, TState, ExecutionResult<TResult>>? verifySucceeded) =>
        // Synchronous EF calls are the design-time tools' and the migrator's; they get no pipeline.
        operation(dependencies.CurrentContext.Context, state);

    public Task<TResult> ExecuteAsync<TState, TResult>(
        TState state,
        Func<DbContext, TState, CancellationToken, Task<TResult>> operation,
        Func<DbContext, TState, CancellationToken, Task<ExecutionResult<TResult>>>? verifySucceeded,
        CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(RetrySafety.AtMostOnce, ct => operation(dependencies.CurrentContext.Context, state, ct), cancellationToken);
}

using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Reset.Infrastructure.Email;

namespace Reset.Infrastructure.Resilience;

/// <summary>
/// One Polly pipeline per dependency, shared by every call to it, outermost first:
/// 1. a bound on the whole call, retries included;
/// 2. retries with jittered exponential backoff, on transient failures only, and only when the call
///    is <see cref="RetrySafety.Repeatable"/> or never reached the server;
/// 3. a circuit breaker: once half the calls of a short window failed, calls fail at once for a
///    while instead of each waiting for its timeout, and one trial call then tests the way back;
/// 4. a timeout per try.
/// A rejected call throws a Polly <see cref="ExecutionRejectedException"/>, answered 503 like the
/// dependency's own failures. Health probes do not go through these: they must see the server itself.
/// </summary>
public sealed class DependencyPipelines
{
    /// <summary>Redis answers in a millisecond; a second is a server in trouble.</summary>
    public static readonly PipelineBounds RedisBounds = new(
        Total: TimeSpan.FromMilliseconds(2500), PerTry: TimeSpan.FromSeconds(1), MaxRetries: 2, RetryDelay: TimeSpan.FromMilliseconds(50),
        BreakMinimumThroughput: 20, BreakSamplingDuration: TimeSpan.FromSeconds(10), BreakDuration: TimeSpan.FromSeconds(5));

    /// <summary>Each query of a request is small; 2 s is a lost or hung server, and the request still answers within 3 s.</summary>
    public static readonly PipelineBounds PostgresBounds = new(
        Total: TimeSpan.FromMilliseconds(2500), PerTry: TimeSpan.FromSeconds(2), MaxRetries: 2, RetryDelay: TimeSpan.FromMilliseconds(100),
        BreakMinimumThroughput: 10, BreakSamplingDuration: TimeSpan.FromSeconds(10), BreakDuration: TimeSpan.FromSeconds(5));

    public DependencyPipelines(IOptions<EmailOptions> email)
    {
        Redis = Build(RedisBounds, TransientFailures.Redis, TransientFailures.RedisNeverSent);
        Postgres = Build(PostgresBounds, TransientFailures.Postgres, TransientFailures.PostgresNeverSent);
        Smtp = Build(SmtpBounds(email.Value.Smtp.Timeout), TransientFailures.Smtp, TransientFailures.SmtpNeverSent);
    }

    public ResiliencePipeline Redis { get; }

    public ResiliencePipeline Postgres { get; }

    /// <summary>Used by the outbox dispatcher, never by a request: a slow relay never slows a customer.</summary>
    public ResiliencePipeline Smtp { get; }

    /// <summary>The relay gets its configured timeout per try; the breaker pauses the outbox for 15 s.</summary>
    public static PipelineBounds SmtpBounds(TimeSpan perTry) => new(
        Total: perTry * 2, PerTry: perTry, MaxRetries: 2, RetryDelay: TimeSpan.FromMilliseconds(500),
        BreakMinimumThroughput: 5, BreakSamplingDuration: TimeSpan.FromSeconds(30), BreakDuration: TimeSpan.FromSeconds(15));

    internal static ResiliencePipeline Build(PipelineBounds bounds, Func<Exception, bool> transient, Func<Exception, bool> neverSent) =>
        new ResiliencePipelineBuilder()
            .AddTimeout(bounds.Total)
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } exception
                    && transient(exception)
                    && (ResiliencePipelineExtensions.SafetyOf(args.Context) == RetrySafety.Repeatable || neverSent(exception))),
                MaxRetryAttempts = bounds.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = bounds.RetryDelay,
                MaxDelay = bounds.RetryDelay * 5,
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } exception && transient(exception)),
                FailureRatio = 0.5,
                MinimumThroughput = bounds.BreakMinimumThroughput,
                SamplingDuration = bounds.BreakSamplingDuration,
                BreakDuration = bounds.BreakDuration,
            })
            .AddTimeout(bounds.PerTry)
            .Build();
}

/// <summary>The numbers of one pipeline; README's "Failures" section lists them.</summary>
public sealed record PipelineBounds(
    TimeSpan Total,
    TimeSpan PerTry,
    int MaxRetries,
    TimeSpan RetryDelay,
    int BreakMinimumThroughput,
    TimeSpan BreakSamplingDuration,
    TimeSpan BreakDuration);

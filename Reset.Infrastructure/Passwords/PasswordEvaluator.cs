using Reset.Domain.Passwords;

namespace Reset.Infrastructure.Passwords;

/// <summary>
/// Runs the password policy at most <see cref="Environment.ProcessorCount"/> at a time. One
/// evaluation takes a few milliseconds of CPU (zxcvbn on a bounded head); a flood of them, one of
/// the few anonymous ways to make the service compute, then waits here without holding a thread,
/// and the other requests keep the remaining thread-pool threads.
/// </summary>
public sealed class PasswordEvaluator(PasswordPolicy policy) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Environment.ProcessorCount);

    public PasswordPolicySettings Settings => policy.Settings;

    public async Task<PasswordEvaluation> EvaluateAsync(string password, PasswordContext context, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            return policy.Evaluate(password, context);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}

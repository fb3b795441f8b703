using System.Collections.Concurrent;
using System.Net;

namespace Reset.Tests.Soak;

/// <summary>Every answer the soak's clients got, counted by kind; safe to share between workers.</summary>
internal sealed class SoakCounters
{
    private readonly ConcurrentQueue<double> _unavailableMilliseconds = new();
    private readonly ConcurrentQueue<string> _otherServerErrors = new();
    private readonly ConcurrentQueue<string> _hangs = new();
    private readonly ConcurrentQueue<string> _slowUnavailable = new();
    private long _requests;

    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>How long each 503 took to arrive, in milliseconds.</summary>
    public IReadOnlyCollection<double> UnavailableMilliseconds => [.. _unavailableMilliseconds];

    /// <summary>5xx answers other than 503 ("step: status code"): bugs, never an outage's fair answer.</summary>
    public IReadOnlyCollection<string> OtherServerErrors => [.. _otherServerErrors];

    /// <summary>503s that took longer than the 3 s the contract allows ("step: ms").</summary>
    public IReadOnlyCollection<string> SlowUnavailable => [.. _slowUnavailable];

    /// <summary>Requests with no answer at all within the hang limit.</summary>
    public IReadOnlyCollection<string> Hangs => [.. _hangs];

    public void Answered(string step, HttpStatusCode status, string? code, TimeSpan took)
    {
        Interlocked.Increment(ref _requests);
        if (status == HttpStatusCode.ServiceUnavailable)
        {
            _unavailableMilliseconds.Enqueue(took.TotalMilliseconds);
            if (took > Faults.TimedAnswer.Within)
            {
                _slowUnavailable.Enqueue($"{step}: {took.TotalMilliseconds:F0} ms");
            }
        }
        else if ((int)status >= 500)
        {
            _otherServerErrors.Enqueue($"{step}: {(int)status} {code}");
        }
    }

    public void Hung(string step)
    {
        Interlocked.Increment(ref _requests);
        _hangs.Enqueue(step);
    }
}

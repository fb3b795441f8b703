using System.Globalization;
using System.Text;

namespace Reset.Tests.Soak;

/// <summary>What the soak saw, with the figures its assertions read, as text for the test output and var/test/soak-report.txt.</summary>
internal sealed record SoakReport(
    TimeSpan Load,
    TimeSpan Took,
    int Workers,
    IReadOnlyCollection<JourneyOutcome> Journeys,
    SoakCounters Counters,
    IReadOnlyList<Restart> Restarts,
    IReadOnlyList<string> UnreportedChanges,
    IReadOnlyList<string> ReportedButUnchanged,
    IReadOnlyList<string> CodesDeliveredTwice,
    IReadOnlyList<string> MessageIdsDeliveredTwice,
    int OutboxPendingAtEnd)
{
    public int Started => Journeys.Count;

    public int Completed => Journeys.Count(j => j.Completed);

    public int Abandoned => Journeys.Count(j => j.Abandoned);

    /// <summary>Ended by an answer that was neither success nor worth retrying.</summary>
    public int Stopped => Started - Completed - Abandoned;

    public string Text()
    {
        var text = new StringBuilder();
        void Line(string line) => text.AppendLine(line);
        var unavailable = Counters.UnavailableMilliseconds.Order().ToList();
        string Percentile(double p) => unavailable.Count == 0
            ? "-"
            : unavailable[(int)Math.Min(unavailable.Count - 1, Math.Floor(p * unavailable.Count))].ToString("F0", CultureInfo.InvariantCulture);

        Line($"soak: {Workers} workers, {Load.TotalSeconds:F0} s of load, {Took.TotalSeconds:F0} s in all (journeys under way at the end were finished)");
        Line($"journeys started:   {Started}");
        Line($"journeys completed: {Completed}");
        Line($"journeys abandoned: {Abandoned} (not done within {SoakJourney.Deadline.TotalSeconds:F0} s)");
        Line($"journeys stopped:   {Stopped} (by an answer that was neither success nor worth retrying)");
        foreach (var reason in Journeys.Where(j => !j.Completed).GroupBy(j => j.StoppedAt).OrderByDescending(g => g.Count()))
        {
            Line($"  {reason.Count(),5} x {reason.Key}");
        }

        Line($"requests:           {Counters.Requests}");
        Line($"503 answers:        {unavailable.Count} (ms: p50 {Percentile(0.5)}, p95 {Percentile(0.95)}, max {(unavailable.Count == 0 ? "-" : unavailable[^1].ToString("F0", CultureInfo.InvariantCulture))})");
        Line($"503 answers slower than {Faults.TimedAnswer.Within.TotalSeconds:F0} s: {Counters.SlowUnavailable.Count}");
        foreach (var slow in Counters.SlowUnavailable)
        {
            Line($"  {slow}");
        }

        Line($"other 5xx answers:  {Counters.OtherServerErrors.Count}");
        foreach (var error in Counters.OtherServerErrors.GroupBy(e => e).OrderByDescending(g => g.Count()))
        {
            Line($"  {error.Count(),5} x {error.Key}");
        }

        Line($"hangs (no answer within {SoakClient.HangAfter.TotalSeconds:F0} s): {Counters.Hangs.Count}");
        Line($"passwords changed that the journey did not report: {UnreportedChanges.Count}");
        Line($"passwords reported changed that were not:           {ReportedButUnchanged.Count}");
        Line($"codes delivered twice:       {CodesDeliveredTwice.Count}");
        Line($"Message-IDs delivered twice: {MessageIdsDeliveredTwice.Count}");
        foreach (var detail in UnreportedChanges.Concat(ReportedButUnchanged).Concat(CodesDeliveredTwice).Concat(MessageIdsDeliveredTwice).Take(20))
        {
            Line($"  {detail}");
        }

        Line($"outbox messages still pending at the end: {OutboxPendingAtEnd}");
        Line($"restarts: {Restarts.Count}");
        foreach (var restart in Restarts)
        {
            Line($"  {restart}");
        }

        return text.ToString();
    }
}

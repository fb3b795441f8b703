namespace Reset.Tests.Timing;

/// <summary>The statistic itself, on made-up latencies: it must catch a slow path and pass equal ones.</summary>
public sealed class TimingComparisonTests
{
    [Fact]
    public void A_path_5_ms_slower_is_caught()
    {
        var random = new Random(42);
        var fast = Latencies(random, 200, baseMs: 4, jitterMs: 3);
        var slow = Latencies(random, 200, baseMs: 9, jitterMs: 3);

        var comparison = TimingComparison.Of(slow, fast);

        comparison.Significant.ShouldBeTrue(comparison.ToString());
        comparison.Shift.TotalMilliseconds.ShouldBeInRange(4, 6);
    }

    [Fact]
    public void A_path_2_ms_slower_among_heavy_tailed_jitter_is_caught()
    {
        var random = new Random(7);
        var fast = Latencies(random, 200, baseMs: 4, jitterMs: 3, tail: true);
        var slow = Latencies(random, 200, baseMs: 6, jitterMs: 3, tail: true);

        TimingComparison.Of(slow, fast).Significant.ShouldBeTrue();
    }

    [Fact]
    public void Two_samples_of_one_distribution_do_not_differ()
    {
        var random = new Random(1);
        var a = Latencies(random, 200, baseMs: 4, jitterMs: 3, tail: true);
        var b = Latencies(random, 200, baseMs: 4, jitterMs: 3, tail: true);

        var comparison = TimingComparison.Of(a, b);

        comparison.Significant.ShouldBeFalse(comparison.ToString());
        comparison.P.ShouldBeGreaterThan(TimingComparison.Alpha);
    }

    [Fact]
    public void A_shift_below_a_millisecond_is_not_counted_however_many_samples()
    {
        var random = new Random(3);
        var a = Latencies(random, 2000, baseMs: 4.3, jitterMs: 0.5);
        var b = Latencies(random, 2000, baseMs: 4, jitterMs: 0.5);

        var comparison = TimingComparison.Of(a, b);

        comparison.P.ShouldBeLessThan(TimingComparison.Alpha);
        comparison.Significant.ShouldBeFalse();
    }

    private static List<TimeSpan> Latencies(Random random, int count, double baseMs, double jitterMs, bool tail = false) =>
        [.. Enumerable.Range(0, count).Select(_ =>
        {
            var ms = baseMs + (random.NextDouble() * jitterMs);
            if (tail && random.NextDouble() < 0.05)
            {
                ms += random.NextDouble() * 30;
            }

            return TimeSpan.FromMilliseconds(ms);
        })];
}

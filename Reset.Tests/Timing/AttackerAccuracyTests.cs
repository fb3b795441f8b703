namespace Reset.Tests.Timing;

/// <summary>
/// The attacker's statistic on made-up latencies shaped like the service's (about 2 ms, jitter with a
/// standard deviation near 0.5 ms, and a heavy tail): it must see the 400 µs a slower path once
/// cost, and see nothing between two samples of one distribution.
/// </summary>
public sealed class AttackerAccuracyTests
{
    private const int Blocks = 24;

    [Fact]
    public void A_path_400_us_slower_is_told_apart_at_25_requests_per_address()
    {
        var random = new Random(42);
        var known = Latencies(random, Blocks * 25, baseMs: 2.0);
        var unknown = Latencies(random, Blocks * 25, baseMs: 2.4);

        AttackerAccuracy.Of(known, unknown, 25).ShouldBeGreaterThan(0.9);
        AttackerAccuracy.UnknownSlowerShare(known, unknown, 25).ShouldBeGreaterThan(0.9);
        // One request each is not enough for that: the median of more requests is what sharpens it.
        AttackerAccuracy.Of(known, unknown, 1).ShouldBeLessThan(AttackerAccuracy.Of(known, unknown, 25));
    }

    [Fact]
    public void Two_samples_of_one_distribution_are_not_told_apart()
    {
        var random = new Random(1);
        var known = Latencies(random, 400 * 25, baseMs: 2.0);
        var unknown = Latencies(random, 400 * 25, baseMs: 2.0);

        foreach (var m in new[] { 1, 5, 25 })
        {
            AttackerAccuracy.Of(known, unknown, m).ShouldBeLessThan(0.55, $"m = {m}");
        }
    }

    [Fact]
    public void A_faster_path_counts_as_much_as_a_slower_one()
    {
        var random = new Random(7);
        var known = Latencies(random, Blocks * 25, baseMs: 2.4);
        var unknown = Latencies(random, Blocks * 25, baseMs: 2.0);

        var accuracy = AttackerAccuracy.Of(known, unknown, 25);

        accuracy.ShouldBeGreaterThan(0.9);
        AttackerAccuracy.Of(unknown, known, 25).ShouldBe(accuracy, 1e-12);
        AttackerAccuracy.UnknownSlowerShare(known, unknown, 25).ShouldBe(1 - accuracy, 1e-12);
    }

    [Fact]
    public void Each_block_is_one_address_and_ties_count_half()
    {
        double[] known = [1, 1, 9, 3, 3, 3];
        double[] unknown = [2, 2, 2, 3, 3, 3];

        AttackerAccuracy.BlockMedians(known, 3).ShouldBe([1, 3]);
        // Unknown medians 2 and 3 against known 1 and 3: 2 > 1, 2 < 3, 3 > 1, 3 = 3 → (1 + 0 + 1 + 0.5) / 4.
        AttackerAccuracy.UnknownSlowerShare(known, unknown, 3).ShouldBe(0.625);
    }

    [Fact]
    public void The_resolution_of_24_blocks_is_about_8_percentage_points()
    {
        AttackerAccuracy.StandardErrorAtChance(24).ShouldBe(0.084, 0.001);
        AttackerAccuracy.StandardErrorAtChance(250).ShouldBeLessThan(0.026);
    }

    /// <summary>Base + lognormal jitter (σ ≈ 0.5 ms) + 3 % of requests delayed by up to 10 ms (a GC pause, a neighbour's load).</summary>
    private static List<double> Latencies(Random random, int count, double baseMs) =>
        [.. Enumerable.Range(0, count).Select(_ =>
        {
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var ms = baseMs - 0.45 + (0.4 * Math.Exp(0.8 * normal));
            if (random.NextDouble() < 0.03)
            {
                ms += random.NextDouble() * 10;
            }

            return ms * 1000;
        })];
}

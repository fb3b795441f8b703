namespace Reset.Tests.Timing;

/// <summary>
/// How often an attacker who times the service tells a customer's login from another: the
/// attacker sends m requests for a candidate login and m for a login known to be no customer's,
/// and guesses that the one with the larger median response time is the non-customer. The samples
/// come in measurement order, consecutive ones per address (samples [0, m) are the first address's
/// block, and so on). The accuracy is taken over every pair of a known block and an unknown block,
/// and reported as max(p, 1 − p): an attacker who finds the guess consistently wrong simply flips it.
/// 0.5 is a coin toss; the design allows at most 0.55 at m = 25.
/// </summary>
/// <remarks>
/// Shared with bench-tools (linked there), so the suite and ./bench.sh compute the same number.
/// Plain C#: no test framework in here.
/// </remarks>
public static class AttackerAccuracy
{
    /// <summary>max(p, 1 − p) for blocks of <paramref name="m"/>; an incomplete last block is left out.</summary>
    public static double Of(IReadOnlyList<double> known, IReadOnlyList<double> unknown, int m)
    {
        var p = UnknownSlowerShare(known, unknown, m);
        return Math.Max(p, 1 - p);
    }

    /// <summary>
    /// p: the share of block pairs whose unknown median is the larger one (ties count half), so
    /// above 0.5 when unknown logins answer slower and below when they answer faster.
    /// </summary>
    public static double UnknownSlowerShare(IReadOnlyList<double> known, IReadOnlyList<double> unknown, int m)
    {
        var knownMedians = BlockMedians(known, m);
        var unknownMedians = BlockMedians(unknown, m);
        if (knownMedians.Length == 0 || unknownMedians.Length == 0)
        {
            throw new ArgumentException($"blocks of {m} need at least {m} samples on each side");
        }

        Array.Sort(knownMedians);
        double wins = 0;
        foreach (var median in unknownMedians)
        {
            var below = LowerBound(knownMedians, median);
            var equal = LowerBound(knownMedians, Math.BitIncrement(median)) - below;
            wins += below + (equal / 2.0);
        }

        return wins / ((double)knownMedians.Length * unknownMedians.Length);
    }

    /// <summary>
    /// The standard error of p when both sides have <paramref name="blocks"/> blocks and do not differ
    /// (the Mann-Whitney U statistic's, divided by the number of pairs): the resolution of a measurement.
    /// </summary>
    public static double StandardErrorAtChance(int blocks) => Math.Sqrt(((2.0 * blocks) + 1) / (12.0 * blocks * blocks));

    /// <summary>The medians of consecutive blocks of <paramref name="m"/> samples.</summary>
    public static double[] BlockMedians(IReadOnlyList<double> samples, int m)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(m, 1);
        var medians = new double[samples.Count / m];
        var block = new double[m];
        for (var b = 0; b < medians.Length; b++)
        {
            for (var i = 0; i < m; i++)
            {
                block[i] = samples[(b * m) + i];
            }

            Array.Sort(block);
            medians[b] = m % 2 == 1 ? block[m / 2] : (block[(m / 2) - 1] + block[m / 2]) / 2;
        }

        return medians;
    }

    /// <summary>The median of all samples, for the report.</summary>
    public static double Median(IReadOnlyList<double> samples) => BlockMedians(samples, samples.Count)[0];

    private static int LowerBound(double[] sorted, double value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (sorted[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}

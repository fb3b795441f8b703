namespace Reset.Tests.Timing;

/// <summary>
/// Whether two sets of response times differ in a way an attacker could use. Latencies are skewed
/// and heavy-tailed, so the test is rank-based: the Mann-Whitney U test (normal approximation with
/// tie correction) for "do they differ at all", and the Hodges-Lehmann estimate (median of all
/// pairwise differences) for "by how much". A difference counts as significant only when both hold:
/// p below <see cref="Alpha"/> and a shift larger than <see cref="MinimumShift"/>. Sub-millisecond
/// shifts drown in network jitter; a rank test on thousands of samples would flag them anyway.
/// </summary>
public sealed record TimingComparison(double U, double Z, double P, TimeSpan Shift)
{
    public const double Alpha = 0.001;
    public static readonly TimeSpan MinimumShift = TimeSpan.FromMilliseconds(1);

    public bool Significant => P < Alpha && Shift.Duration() > MinimumShift;

    public static TimingComparison Of(IReadOnlyList<TimeSpan> a, IReadOnlyList<TimeSpan> b)
    {
        int n1 = a.Count, n2 = b.Count;
        var pooled = a.Select(t => (Ticks: t.Ticks, First: true)).Concat(b.Select(t => (Ticks: t.Ticks, First: false)))
            .OrderBy(x => x.Ticks).ToList();

        // Average ranks for ties, and the tie correction term.
        var ranks = new double[pooled.Count];
        double tieTerm = 0;
        for (var i = 0; i < pooled.Count;)
        {
            var j = i;
            while (j + 1 < pooled.Count && pooled[j + 1].Ticks == pooled[i].Ticks)
            {
                j++;
            }

            var average = (i + j + 2) / 2.0;
            for (var k = i; k <= j; k++)
            {
                ranks[k] = average;
            }

            double tied = j - i + 1;
            tieTerm += (tied * tied * tied) - tied;
            i = j + 1;
        }

        var rankSumA = pooled.Select((x, index) => x.First ? ranks[index] : 0).Sum();
        var u = rankSumA - (n1 * (n1 + 1) / 2.0);
        var mean = n1 * n2 / 2.0;
        double n = n1 + n2;
        var variance = n1 * n2 / 12.0 * ((n + 1) - (tieTerm / (n * (n - 1))));
        var z = variance > 0 ? (u - mean) / Math.Sqrt(variance) : 0;
        var p = Erfc(Math.Abs(z) / Math.Sqrt(2));

        var differences = new List<long>(n1 * n2);
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                differences.Add(x.Ticks - y.Ticks);
            }
        }

        differences.Sort();
        var shift = TimeSpan.FromTicks(differences[differences.Count / 2]);
        return new TimingComparison(u, z, p, shift);
    }

    /// <summary>Complementary error function (Numerical Recipes' erfcc, relative error below 1.2e-7).</summary>
    private static double Erfc(double x)
    {
        double[] c = [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        var polynomial = 0.0;
        for (var i = c.Length - 1; i >= 0; i--)
        {
            polynomial = (polynomial * t) + c[i];
        }

        var r = t * Math.Exp((-z * z) + polynomial);
        return x >= 0 ? r : 2 - r;
    }

    public override string ToString() =>
        $"U={U:F0}, z={Z:F2}, p={P:G3}, Hodges-Lehmann shift={Shift.TotalMilliseconds:F3} ms (significant when p < {Alpha} and |shift| > {MinimumShift.TotalMilliseconds} ms)";
}

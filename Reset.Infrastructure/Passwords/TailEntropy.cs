namespace Reset.Infrastructure.Passwords;

/// <summary>
/// A cheap, deliberately low estimate of the entropy that the code points after zxcvbn's scored
/// head add. Each code point is judged by the three that end with it:
/// <list type="bullet">
/// <item>predictable, 0 bits, when those three already occurred earlier in the password (so
/// "passwordpassword…" or "aaaa…" adds nothing past its first round), or when they step evenly
/// by 0, ±1 or ±2 ("aaa", "abc", "975");</item>
/// <item>else 2 bits: as if drawn from an alphabet of 4 symbols, less than English text carries per
/// letter, so a tail of ordinary words is not overrated.</item>
/// </list>
/// A code point's credit depends only on the ones before it, so a longer password never scores
/// lower. The work is one comparison per earlier position: microseconds for 1,024 code points.
/// </summary>
internal static class TailEntropy
{
    internal const double BitsPerCodePoint = 2;

    /// <param name="codePoints">The whole password, as Unicode code points.</param>
    /// <param name="start">The first code point to credit (2 or more: the ones before it give context).</param>
    public static double Bits(IReadOnlyList<int> codePoints, int start)
    {
        ArgumentNullException.ThrowIfNull(codePoints);
        ArgumentOutOfRangeException.ThrowIfLessThan(start, 2);
        var bits = 0.0;
        for (var i = start; i < codePoints.Count; i++)
        {
            if (!SteppedEvenly(codePoints, i) && !SeenBefore(codePoints, i))
            {
                bits += BitsPerCodePoint;
            }
        }

        return bits;
    }

    private static bool SteppedEvenly(IReadOnlyList<int> c, int i)
    {
        var step = c[i] - c[i - 1];
        return Math.Abs(step) <= 2 && c[i - 1] - c[i - 2] == step;
    }

    /// <summary>Whether the three code points ending at <paramref name="i"/> also end at an earlier position.</summary>
    private static bool SeenBefore(IReadOnlyList<int> c, int i)
    {
        for (var j = 2; j < i; j++)
        {
            if (c[j] == c[i] && c[j - 1] == c[i - 1] && c[j - 2] == c[i - 2])
            {
                return true;
            }
        }

        return false;
    }
}

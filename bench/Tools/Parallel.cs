using System.Diagnostics;

namespace Reset.Bench.Tools;

internal static class Work
{
    /// <summary>Runs <paramref name="step"/> for 0..count-1, 32 at a time, and says how long it took.</summary>
    public static async Task<T[]> RunAsync<T>(string what, int count, Func<int, Task<T>> step)
    {
        var results = new T[count];
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (i, _) => results[i] = await step(i));
        Console.Error.WriteLine($"bench-tools: {what}: {count} in {clock.Elapsed.TotalSeconds:F1} s ({count / Math.Max(clock.Elapsed.TotalSeconds, 0.001):F0}/s)");
        return results;
    }

    public static string[] Lines(string path) => File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using Geralt;

namespace Reset.Bench.Tools;

/// <summary>
/// The ceiling of the password change: Argon2id hashes per second with the service's call
/// (Geralt's Argon2id.ComputeHash, as Argon2idPasswordHasher makes it) and parameters, one thread
/// per core, nothing else. Prints "hashes_per_second=N".
/// </summary>
internal static class Argon2Throughput
{
    public static int Run(Options options)
    {
        var seconds = options.Number("seconds", 10);
        var memoryKiB = options.Number("memory-kib", 19456);
        var iterations = options.Number("iterations", 2);
        var threads = options.Number("threads", Environment.ProcessorCount);
        var password = Encoding.UTF8.GetBytes("violet kettle drums at noon");

        // One hash each first, so no thread's first allocation counts.
        Hash(password, iterations, memoryKiB);
        long total = 0;
        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(seconds);
        var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            while (clock.Elapsed < deadline)
            {
                Hash(password, iterations, memoryKiB);
                Interlocked.Increment(ref total);
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        var rate = total / clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"hashes_per_second={rate:F1} hashes={total} threads={threads} seconds={clock.Elapsed.TotalSeconds:F1} m={memoryKiB} t={iterations} p=1"));
        return 0;
    }

    private static void Hash(byte[] password, int iterations, int memoryKiB)
    {
        Span<char> encoded = stackalloc char[Argon2id.HashSize];
        Argon2id.ComputeHash(encoded, password, iterations, memoryKiB * 1024);
    }
}

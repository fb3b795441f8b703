using System.Globalization;

namespace Reset.Tests.Fixtures;

/// <summary>
/// The CPU time the calling OS thread has used, from Linux's /proc/thread-self/stat (user + system,
/// in clock ticks of 10 ms). Unlike a stopwatch it does not count time the thread waited for a core
/// on a busy machine; average it over enough work that the tick does not matter.
/// </summary>
public static class ThreadCpu
{
    private const double TicksPerSecond = 100;

    public static TimeSpan Now()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        // The fields after the command name (in parentheses, which may hold spaces): state is field 3,
        // utime and stime are fields 14 and 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}

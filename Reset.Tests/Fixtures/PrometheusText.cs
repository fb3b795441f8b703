using System.Globalization;

namespace Reset.Tests.Fixtures;

/// <summary>Reads counters from what /metrics answers (the Prometheus text format).</summary>
internal static class PrometheusText
{
    /// <summary>Adds up a counter's samples whose labels include these.</summary>
    public static double Sum(string exposition, string name, params (string Label, string Value)[] labels) =>
        exposition.Split('\n')
            .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
            .Where(line => labels.All(l => line.Contains($"{l.Label}=\"{l.Value}\"", StringComparison.Ordinal)))
            .Sum(line => double.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture));
}

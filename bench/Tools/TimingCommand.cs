using System.Globalization;
using Reset.Tests.Timing;

namespace Reset.Bench.Tools;

/// <summary>
/// The attacker's timing statistic against the running service, with enough addresses to resolve the
/// design's 55 %: for each public step and login type, --blocks addresses of each kind (an active
/// customer, an unknown login, a locked and a disabled customer) take --per-address requests each,
/// interleaved on one connection (<see cref="TimingSurvey"/>); then the accuracy of "the larger median
/// is the non-customer" at m = 1, 5 and --per-address (<see cref="AttackerAccuracy"/>), each kind
/// against the active customers. Customers are seeded fresh per step through the internal API.
/// Writes one tab-separated line per step, login type and kind.
/// </summary>
internal static class TimingCommand
{
    private static readonly string[] Kinds = ["active", "unknown", "locked", "disabled"];

    public static async Task<int> RunAsync(Options options)
    {
        var blocks = options.Number("blocks", 200);
        var perAddress = options.Number("per-address", 25);
        var warmUp = options.Number("warm-up", 100);
        var apiKey = options.Text("api-key");
        var steps = options.Text("steps", "start,read,codes,wrong-code,support").Split(',').Select(StepNamed).ToArray();
        var hash = SeedCommand.PhcHash(options.Number("memory-kib", 19456), options.Number("iterations", 2));
        using var api = new ResetApi(options.Text("url"));
        // One connection, one request at a time: as an attacker measures, with the least jitter.
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 })
        {
            BaseAddress = new Uri(options.Text("url").TrimEnd('/') + "/"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        var survey = new TimingSurvey(client, api.HumanCheckTokenAsync);
        var lines = new List<string> { "step\tlogin\tkind\tblocks\tmedian_us\tactive_median_us\tm1\tm5\tm25\tslower" };

        foreach (var step in steps)
        {
            foreach (var byEmail in new[] { true, false })
            {
                var loginType = byEmail ? "email" : "member ID";
                var kinds = await SeedAsync(api, apiKey, hash, step, byEmail, blocks);
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var samples = await survey.MeasureAsync(step, kinds, perAddress, warmUp, seed: (int)step);
                var active = samples["active"];
                foreach (var kind in Kinds.Skip(1))
                {
                    var accuracies = new[] { 1, 5, perAddress }.Select(m => AttackerAccuracy.Of(active, samples[kind], m)).ToArray();
                    var slower = AttackerAccuracy.UnknownSlowerShare(active, samples[kind], perAddress) > 0.5 ? "yes" : "no";
                    lines.Add(string.Join('\t', StepName(step), loginType, kind, blocks.ToString(CultureInfo.InvariantCulture),
                        F(AttackerAccuracy.Median(samples[kind])), F(AttackerAccuracy.Median(active)),
                        F(accuracies[0], "F3"), F(accuracies[1], "F3"), F(accuracies[2], "F3"), slower));
                    Console.Error.WriteLine($"bench-tools: timing {StepName(step)}, {loginType}, {kind}: m=1 {accuracies[0]:P1}, " +
                        $"m=5 {accuracies[1]:P1}, m={perAddress} {accuracies[2]:P1}");
                }

                Console.Error.WriteLine($"bench-tools: timing {StepName(step)}, {loginType}: {clock.Elapsed.TotalSeconds:F0} s");
            }
        }

        await File.WriteAllLinesAsync(options.Text("out"), lines);
        return 0;
    }

    /// <summary>Fresh logins of each kind: customers through the internal API, unknown ones shaped alike.</summary>
    private static async Task<List<LoginKind>> SeedAsync(ResetApi api, string apiKey, string hash, TimedStep step, bool byEmail, int count)
    {
        var kinds = new List<LoginKind>();
        foreach (var kind in Kinds)
        {
            var type = byEmail ? 'e' : 'm';
            var logins = await Work.RunAsync($"timing {StepName(step)} {type} {kind} logins", count, async i =>
            {
                // One shape for every kind (the same length), so only being a customer differs.
                var memberId = $"t{(int)step}{type}{kind[0]}{i:D5}";
                var email = memberId + "@bench.example";
                if (kind != "unknown")
                {
                    await api.PutUserAsync(apiKey, Guid.CreateVersion7(), email, hash, memberId, kind);
                }

                return byEmail ? email : memberId;
            });
            kinds.Add(new LoginKind(kind, logins));
        }

        return kinds;
    }

    private static TimedStep StepNamed(string name) => name switch
    {
        "start" => TimedStep.Start,
        "read" => TimedStep.ReadTicket,
        "codes" => TimedStep.SendCode,
        "wrong-code" => TimedStep.WrongCode,
        "support" => TimedStep.SupportRequest,
        _ => throw new ArgumentException($"--steps: '{name}' is none of start, read, codes, wrong-code, support"),
    };

    private static string StepName(TimedStep step) => step switch
    {
        TimedStep.Start => "start",
        TimedStep.ReadTicket => "read",
        TimedStep.SendCode => "codes",
        TimedStep.WrongCode => "wrong-code",
        _ => "support",
    };

    private static string F(double value, string format = "F0") => value.ToString(format, CultureInfo.InvariantCulture);
}

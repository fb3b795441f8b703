namespace Reset.Bench.Tools;

/// <summary>Solved human-check tokens for the ticket-creation phase: "login&lt;TAB&gt;token" lines, logins taken in turn.</summary>
internal static class TokensCommand
{
    public static async Task<int> RunAsync(Options options)
    {
        var logins = Work.Lines(options.Text("logins"));
        using var api = new ResetApi(options.Text("url"));
        var lines = await Work.RunAsync("human-check tokens", options.Number("count"),
            async i => $"{logins[i % logins.Length]}\t{await api.HumanCheckTokenAsync()}");
        await File.WriteAllLinesAsync(options.Text("out"), lines);
        return 0;
    }
}

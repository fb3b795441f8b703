namespace Reset.Bench.Tools;

/// <summary>
/// Tickets with a code sent, walked as a customer walks them, for the phases that consume them:
/// <list type="bullet">
/// <item>wrong: "ticketId" lines, --per-login tickets per login (their wrong codes share its budget); the logins are no customer's (decoys);</item>
/// <item>right: "ticketId&lt;TAB&gt;code" with the code from the e-mail, one ticket per customer;</item>
/// <item>reset: "ticketId&lt;TAB&gt;resetToken", the code verified, one ticket per customer.</item>
/// </list>
/// Returns once every code e-mail reached the SMTP sink, so no sending is left for the timed phase.
/// </summary>
internal static class TicketsCommand
{
    public static async Task<int> RunAsync(Options options)
    {
        var mode = options.Text("mode");
        var count = options.Number("count");
        var perLogin = mode == "wrong" ? options.Number("per-login", 1) : 1;
        var logins = Work.Lines(options.Text("logins"));
        if (logins.Length * perLogin < count)
        {
            throw new ArgumentException($"{count} tickets need {(count + perLogin - 1) / perLogin} logins; the file has {logins.Length}");
        }

        var mailbox = new CodeMailbox(options.Text("codes"));
        mailbox.Refresh();
        var codesBefore = mailbox.CodeCount;
        using var api = new ResetApi(options.Text("url"));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var tickets = await Work.RunAsync($"{mode} tickets started, codes sent", count, async i =>
        {
            var login = logins[i / perLogin];
            var ticketId = await api.StartAsync(login, await api.HumanCheckTokenAsync());
            await api.SendCodeAsync(ticketId);
            return (Login: login, TicketId: ticketId);
        });

        // Decoys' code e-mails are born dropped: nothing to wait for.
        if (mode != "wrong" && !await mailbox.WaitForCountAsync(codesBefore + count, TimeSpan.FromMinutes(10)))
        {
            Console.Error.WriteLine($"bench-tools: only {mailbox.CodeCount - codesBefore} of {count} code e-mails arrived in 10 minutes");
            return 1;
        }

        Console.Error.WriteLine(mode == "wrong" ? "bench-tools: decoy tickets, no e-mails" : $"bench-tools: {count} code e-mails arrived {clock.Elapsed.TotalSeconds:F0} s after the first request");
        string[] lines = mode switch
        {
            "wrong" => [.. tickets.Select(t => t.TicketId)],
            "right" => [.. tickets.Select(t => $"{t.TicketId}\t{CodeOf(mailbox, t.Login)}")],
            "reset" => await Work.RunAsync("codes verified", count,
                async i => $"{tickets[i].TicketId}\t{await api.VerifyAsync(tickets[i].TicketId, CodeOf(mailbox, tickets[i].Login))}"),
            _ => throw new ArgumentException("--mode is wrong, right or reset"),
        };
        await File.WriteAllLinesAsync(options.Text("out"), lines);
        return 0;
    }

    private static string CodeOf(CodeMailbox mailbox, string login) =>
        mailbox.CodeFor(login) ?? throw new InvalidOperationException($"no code e-mail to {login}");
}

using System.Diagnostics;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Reset.Bench.Tools;

/// <summary>
/// Sends --count small messages to an SMTP server one after another, one connection each, the way
/// the service's SmtpEmailTransport sends (MailKit), and prints the time per message: tells the sink's
/// share of the outbox's pace from the service's.
/// </summary>
internal static class SmtpProbe
{
    public static async Task<int> RunAsync(Options options)
    {
        var count = options.Number("count", 50);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            using var client = new SmtpClient();
            await client.ConnectAsync("127.0.0.1", options.Number("port"), SecureSocketOptions.None);
            var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse("probe@bench.example"));
            message.To.Add(MailboxAddress.Parse("probe@bench.example"));
            message.Subject = "probe";
            message.Body = new TextPart("plain") { Text = "probe" };
            await client.SendAsync(message);
            await client.DisconnectAsync(quit: true);
        }

        Console.WriteLine($"smtp-probe: {clock.Elapsed.TotalMilliseconds / count:F1} ms per message over {count}");
        return 0;
    }
}

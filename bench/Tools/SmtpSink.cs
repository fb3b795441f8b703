using System.Buffers;
using System.Net;
using System.Text.RegularExpressions;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Reset.Bench.Tools;

/// <summary>
/// The bench's SMTP relay (the SmtpServer package, as Reset.Tests' SmtpCatcher): accepts every
/// message and appends "recipient&lt;TAB&gt;code" to a file, the code being the six digits of a
/// code e-mail's text body, or "-" for other e-mails. Runs until killed.
/// </summary>
internal static partial class SmtpSink
{
    public static async Task<int> RunAsync(Options options)
    {
        var port = options.Number("port");
        await using var output = new StreamWriter(options.Text("out"), append: true) { AutoFlush = true };
        var serverOptions = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(output));
        Console.WriteLine($"smtp-sink: listening on 127.0.0.1:{port}");
        await new SmtpServer.SmtpServer(serverOptions, services).StartAsync(CancellationToken.None);
        return 0;
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();

    private sealed class Store(StreamWriter output) : MessageStore
    {
        private readonly Lock _write = new();

        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            var code = SixDigits().Match(message.TextBody ?? string.Empty) is { Success: true } match ? match.Value : "-";
            lock (_write)
            {
                foreach (var to in message.To.Mailboxes)
                {
                    output.WriteLine($"{to.Address}\t{code}");
                }
            }

            return SmtpResponse.Ok;
        }
    }
}

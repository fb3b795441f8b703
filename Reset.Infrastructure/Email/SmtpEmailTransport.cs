using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Reset.Infrastructure.Resilience;

namespace Reset.Infrastructure.Email;

/// <summary>
/// Sends through the configured SMTP relay with MailKit, one connection per message, behind the SMTP
/// pipeline: connecting and signing in are retried (nothing was handed over yet), the message itself
/// is sent at most once per call; the outbox decides when to try it again.
/// </summary>
internal sealed class SmtpEmailTransport(IOptions<EmailOptions> options, DependencyPipelines pipelines) : IEmailTransport
{
    private readonly SmtpOptions _smtp = options.Value.Smtp;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)_smtp.Timeout.TotalMilliseconds };
        await pipelines.Smtp.RunAsync(RetrySafety.Repeatable, async ct =>
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: false, ct);
            }

            await client.ConnectAsync(_smtp.Host!, _smtp.Port, Security(_smtp.Security), ct);
            if (!string.IsNullOrEmpty(_smtp.Username))
            {
                await client.AuthenticateAsync(_smtp.Username, _smtp.Password ?? string.Empty, ct);
            }
        }, cancellationToken);

        await pipelines.Smtp.RunAsync(RetrySafety.AtMostOnce, ct => client.SendAsync(message, ct), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private static SecureSocketOptions Security(string mode) => mode.ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "sslonconnect" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}

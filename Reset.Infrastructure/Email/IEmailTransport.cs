using MimeKit;

namespace Reset.Infrastructure.Email;

/// <summary>Hands a finished message to the world: an SMTP relay, or a folder of .eml files.</summary>
public interface IEmailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

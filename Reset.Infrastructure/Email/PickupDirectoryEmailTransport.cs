using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Reset.Infrastructure.Email;

/// <summary>
/// With no SMTP host configured, each message becomes an .eml file in the pickup folder (open it
/// with any mail program). The log names the file, never its content.
/// </summary>
internal sealed partial class PickupDirectoryEmailTransport(IOptions<EmailOptions> options, ILogger<PickupDirectoryEmailTransport> logger)
    : IEmailTransport
{
    private readonly string _folder = Path.GetFullPath(options.Value.PickupDirectory);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_folder);
        var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml";
        var path = Path.Combine(_folder, name);
        var temporary = path + ".tmp";
        await message.WriteToAsync(temporary, cancellationToken);
        // Written under a temporary name first, so a reader never sees half a message.
        File.Move(temporary, path);
        LogWritten(path);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail written to {Path}")]
    private partial void LogWritten(string path);
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;
using Reset.Infrastructure.Configuration;

namespace Reset.Infrastructure.Email;

public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The sender, e.g. "Example Shop &lt;no-reply@shop.example&gt;".</summary>
    public string From { get; set; } = "Reset Service <no-reply@localhost>";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Where messages are written as .eml files when no SMTP host is set.</summary>
    public string PickupDirectory { get; set; } = "var/mail";

    public OutboxOptions Outbox { get; set; } = new();

    /// <summary>
    /// Whether the code e-mail's subject shows the code (a phone's notification then shows it without
    /// opening the mail). Off by default: subjects travel further than bodies (notifications on a locked
    /// screen, mail-server logs, subject-only previews), so the code stays in the body.
    /// </summary>
    public bool CodeInSubject { get; set; }

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}

public sealed class OutboxOptions
{
    /// <summary>How often the dispatcher looks for due messages when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a sent or dropped message stays in the table (for support: was it sent, when, why
    /// not) before the dispatcher deletes it. Each row names its recipient: keep this short.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// A code e-mail waits a random time up to this long, then goes out at the dispatcher's next poll,
    /// instead of the moment it is queued. Sending it costs the instance CPU a decoy's code never
    /// costs; sent at once, that work would slow the very next request of whoever asked for the code,
    /// and time it. Zero sends at once (for tests).
    /// </summary>
    public TimeSpan SendJitter { get; set; } = TimeSpan.FromSeconds(1);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Auto (STARTTLS when offered), None, StartTls or SslOnConnect.</summary>
    public string Security { get; set; } = "Auto";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

internal sealed class EmailOptionsValidator(IHostEnvironment environment) : IValidateOptions<EmailOptions>
{
    private static readonly string[] SecurityModes = ["Auto", "None", "StartTls", "SslOnConnect"];

    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var failures = new List<string>();
        if (!MailboxAddress.TryParse(options.From, out _))
        {
            failures.Add($"{Setting.Name("Email:From")} must be a mailbox such as \"Example Shop <no-reply@shop.example>\".");
        }

        if (options.Smtp.Port is < 1 or > 65535)
        {
            failures.Add($"{Setting.Name("Email:Smtp:Port")} must be between 1 and 65535.");
        }

        if (!SecurityModes.Contains(options.Smtp.Security, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"{Setting.Name("Email:Smtp:Security")} must be one of {string.Join(", ", SecurityModes)}.");
        }

        if (options.Smtp.Timeout <= TimeSpan.Zero)
        {
            failures.Add($"{Setting.Name("Email:Smtp:Timeout")} must be a positive time span such as 00:00:10.");
        }

        if (options.Outbox.PollInterval < TimeSpan.FromMilliseconds(50) || options.Outbox.PollInterval > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{Setting.Name("Email:Outbox:PollInterval")} must be between 00:00:00.05 and 00:05:00.");
        }

        if (options.Outbox.SendJitter < TimeSpan.Zero || options.Outbox.SendJitter > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{Setting.Name("Email:Outbox:SendJitter")} must be between 00:00:00 and 00:01:00.");
        }

        if (options.Outbox.Retention < TimeSpan.FromHours(1))
        {
            failures.Add($"{Setting.Name("Email:Outbox:Retention")} must be at least 01:00:00 (an hour).");
        }

        if (!string.IsNullOrEmpty(options.Smtp.Username) && string.IsNullOrEmpty(options.Smtp.Password))
        {
            failures.Add($"{Setting.Name("Email:Smtp:Password")} is missing while {Setting.Name("Email:Smtp:Username")} is set.");
        }

        if (!options.UsesSmtp && string.IsNullOrWhiteSpace(options.PickupDirectory))
        {
            failures.Add($"{Setting.Name("Email:PickupDirectory")} is empty and no {Setting.Name("Email:Smtp:Host")} is set: e-mail would go nowhere.");
        }

        // A pickup folder on a server is mail that no customer receives.
        if (!DevelopmentShortcuts.AllowedIn(environment) && !options.UsesSmtp)
        {
            failures.Add($"{Setting.Name("Email:Smtp:Host")} is missing: outside Development e-mail goes through an SMTP relay.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

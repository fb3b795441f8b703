using Microsoft.Extensions.Options;
using Reset.Infrastructure.Configuration;

namespace Reset.Infrastructure.Events;

/// <summary>Where events go: one Redis stream that other services read with consumer groups.</summary>
public sealed class EventOptions
{
    public const string Section = "Events";

    public string StreamKey { get; set; } = "reset:events";

    /// <summary>Entries kept, trimmed approximately (MAXLEN ~): a consumer group further behind than this loses events.</summary>
    public int MaxLength { get; set; } = 100_000;

    /// <summary>How often the relay looks for new events.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}

internal sealed class EventOptionsValidator : IValidateOptions<EventOptions>
{
    public ValidateOptionsResult Validate(string? name, EventOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.StreamKey) || options.StreamKey.Length > 200 || options.StreamKey.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            failures.Add($"{Setting.Name("Events:StreamKey")} must be a Redis key of 1 to 200 characters without spaces.");
        }

        if (options.MaxLength is < 1000 or > 100_000_000)
        {
            failures.Add($"{Setting.Name("Events:MaxLength")} must be between 1000 and 100000000.");
        }

        if (options.PollInterval < TimeSpan.FromMilliseconds(10) || options.PollInterval > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{Setting.Name("Events:PollInterval")} must be between 00:00:00.010 and 00:01:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

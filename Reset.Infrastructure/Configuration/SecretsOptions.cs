using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Reset.Infrastructure.Configuration;

/// <summary>Keys that must stay private to the shop; never logged, never in a response.</summary>
public sealed class SecretsOptions
{
    public const string Section = "Secrets";
    public const int MinKeyBytes = 32;

    /// <summary>
    /// Base64 of at least 32 random bytes (`openssl rand -base64 32`): keys the HMAC of codes and
    /// the hashes of reset tokens. Every instance of the service must share it.
    /// </summary>
    public string? HmacKey { get; set; }

    public byte[] HmacKeyBytes() => Convert.FromBase64String(HmacKey!);
}

internal sealed class SecretsOptionsValidator(IHostEnvironment environment) : IValidateOptions<SecretsOptions>
{
    /// <summary>The key appsettings.Development.json ships: public, so good enough for Development only.</summary>
    internal const string DevelopmentHmacKey = "ZGV2ZWxvcG1lbnQtb25seS1obWFjLWtleS1ub3Qtc2VjcmV0ISE=";

    public ValidateOptionsResult Validate(string? name, SecretsOptions options)
    {
        var setting = Setting.Name("Secrets:HmacKey");
        if (string.IsNullOrWhiteSpace(options.HmacKey))
        {
            return ValidateOptionsResult.Fail($"{setting} is missing: set it to base64 of {SecretsOptions.MinKeyBytes} random bytes (openssl rand -base64 32).");
        }

        var bytes = new byte[options.HmacKey.Length];
        if (!Convert.TryFromBase64String(options.HmacKey, bytes, out var length) || length < SecretsOptions.MinKeyBytes)
        {
            return ValidateOptionsResult.Fail($"{setting} must be base64 of at least {SecretsOptions.MinKeyBytes} bytes.");
        }

        if (!DevelopmentShortcuts.AllowedIn(environment) && options.HmacKey == DevelopmentHmacKey)
        {
            return ValidateOptionsResult.Fail($"{setting} is the public development key, {DevelopmentShortcuts.NotIn(environment)}: set a secret of your own.");
        }

        return ValidateOptionsResult.Success;
    }
}

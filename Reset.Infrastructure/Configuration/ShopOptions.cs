using Microsoft.Extensions.Options;
using Reset.Domain.Passwords;

namespace Reset.Infrastructure.Configuration;

/// <summary>The shop the service resets passwords for, as its customers know it.</summary>
public sealed class ShopOptions
{
    public const string Section = "Shop";
    public const int MaxNameLength = 100;
    public const int MaxSupportContactLength = 200;

    /// <summary>The shop's name: named in e-mails, and the password policy keeps it out of passwords.</summary>
    public string Name { get; set; } = new PasswordPolicySettings().ShopName;

    /// <summary>Where a customer who did not ask for a reset, or cannot use the code, gets help (an address, phone or URL).</summary>
    public string SupportContact { get; set; } = "support@shop.example";
}

internal sealed class ShopOptionsValidator : IValidateOptions<ShopOptions>
{
    public ValidateOptionsResult Validate(string? name, ShopOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Name) || options.Name.Length > ShopOptions.MaxNameLength || options.Name.Any(char.IsControl))
        {
            failures.Add($"{Setting.Name("Shop:Name")} must be the shop's name, 1 to {ShopOptions.MaxNameLength} printable characters.");
        }

        if (string.IsNullOrWhiteSpace(options.SupportContact) || options.SupportContact.Length > ShopOptions.MaxSupportContactLength
            || options.SupportContact.Any(char.IsControl))
        {
            failures.Add($"{Setting.Name("Shop:SupportContact")} must be an address, phone number or URL of 1 to {ShopOptions.MaxSupportContactLength} printable characters.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

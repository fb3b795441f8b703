using Microsoft.Extensions.Options;

namespace Reset.Infrastructure.Configuration;

/// <summary>Who the customer deals with: named in e-mails and kept out of passwords.</summary>
public sealed class ShopOptions
{
    public const string Section = "Shop";

    public string Name { get; set; } = "Example Shop";

    /// <summary>Where a customer who did not ask for a reset, or cannot use the code, gets help.</summary>
    public string SupportContact { get; set; } = "support@shop.example";
}

internal sealed class ShopOptionsValidator : IValidateOptions<ShopOptions>
{
    public ValidateOptionsResult Validate(string? name, ShopOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Name) || options.Name.Length > 100 || options.Name.Any(char.IsControl))
        {
            failures.Add($"{Setting.Name("Shop:Name")} must be 1–100 printable characters.");
        }

        if (string.IsNullOrWhiteSpace(options.SupportContact) || options.SupportContact.Length > 200 || options.SupportContact.Any(char.IsControl))
        {
            failures.Add($"{Setting.Name("Shop:SupportContact")} must be an address, phone number or URL of 1–200 printable characters.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

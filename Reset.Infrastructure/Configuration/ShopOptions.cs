using Microsoft.Extensions.Options;
using Reset.Domain.Passwords;

namespace Reset.Infrastructure.Configuration;

/// <summary>The shop the service resets passwords for, as its customers know it.</summary>
public sealed class ShopOptions
{
    public const string Section = "Shop";
    public const int MaxNameLength = 100;

    /// <summary>The shop's name; the password policy keeps it out of passwords.</summary>
    public string Name { get; set; } = new PasswordPolicySettings().ShopName;
}

internal sealed class ShopOptionsValidator : IValidateOptions<ShopOptions>
{
    public ValidateOptionsResult Validate(string? name, ShopOptions options) =>
        string.IsNullOrWhiteSpace(options.Name) || options.Name.Length > ShopOptions.MaxNameLength
            ? ValidateOptionsResult.Fail($"{Setting.Name("Shop:Name")} must be the shop's name, 1 to {ShopOptions.MaxNameLength} characters.")
            : ValidateOptionsResult.Success;
}

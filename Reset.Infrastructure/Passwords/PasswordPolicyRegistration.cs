using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Reset.Domain.Passwords;
using Reset.Infrastructure.Configuration;
using Reset.Infrastructure.Passwords;

// In the namespace of AddInfrastructure, which calls it, so that wiring it in takes one line there.
namespace Reset.Infrastructure;

public static class PasswordPolicyRegistration
{
    /// <summary>
    /// The password policy as a singleton: settings from <c>PasswordPolicy:*</c> and <c>Shop:Name</c>
    /// (checked before start), the embedded blocklist, zxcvbn's strength score; the
    /// endpoints run it through <see cref="PasswordEvaluator"/>, which bounds how many run at once.
    /// </summary>
    public static IServiceCollection AddPasswordPolicy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<PasswordPolicyOptions, PasswordPolicyOptionsValidator>(configuration, PasswordPolicyOptions.Section);
        services.AddValidatedOptions<ShopOptions, ShopOptionsValidator>(configuration, ShopOptions.Section);

        services.AddSingleton<IPasswordBlocklist, EmbeddedPasswordBlocklist>();
        services.AddSingleton<IPasswordStrengthEstimator, ZxcvbnStrengthEstimator>();
        services.AddSingleton(provider => new PasswordPolicy(
            provider.GetRequiredService<IOptions<PasswordPolicyOptions>>().Value
                .ToSettings(provider.GetRequiredService<IOptions<ShopOptions>>().Value.Name.Trim()),
            provider.GetRequiredService<IPasswordBlocklist>(),
            provider.GetRequiredService<IPasswordStrengthEstimator>()));
        services.AddSingleton<PasswordEvaluator>();
        return services;
    }
}

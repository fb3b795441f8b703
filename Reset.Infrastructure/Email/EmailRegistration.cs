using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Reset.Infrastructure.Email;

internal static class EmailRegistration
{
    public static IServiceCollection AddEmail(this IServiceCollection services)
    {
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<ResetCodeQueue>();
        services.AddSingleton<OutboxMetrics>();
        services.AddSingleton<OutboxCipher>();
        services.AddSingleton<SmtpEmailTransport>();
        services.AddSingleton<PickupDirectoryEmailTransport>();
        services.AddSingleton<IEmailTransport>(provider => provider.GetRequiredService<IOptions<EmailOptions>>().Value.UsesSmtp
            ? provider.GetRequiredService<SmtpEmailTransport>()
            : provider.GetRequiredService<PickupDirectoryEmailTransport>());
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Reset.Infrastructure.Events;

internal static class EventRegistration
{
    public static IServiceCollection AddEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<EventOptions, EventOptionsValidator>(configuration, EventOptions.Section);
        services.AddSingleton<EventRelay>();
        services.AddHostedService(provider => provider.GetRequiredService<EventRelay>());
        return services;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Reset.Domain.Passwords;
using Reset.Infrastructure.Configuration;
using Reset.Infrastructure.Email;
using Reset.Infrastructure.Events;
using Reset.Infrastructure.Hashing;
using Reset.Infrastructure.Observability;
using Reset.Infrastructure.Health;
using Reset.Infrastructure.HumanCheck;
using Reset.Infrastructure.Persistence;
using Reset.Infrastructure.RateLimiting;
using Reset.Infrastructure.Redis;
using Reset.Infrastructure.Resilience;
using Reset.Infrastructure.Security;
using Reset.Domain.Tickets;
using StackExchange.Redis;

namespace Reset.Infrastructure;

public static class DependencyInjection
{
    /// <summary>PostgreSQL, Redis, e-mail, human checks, hashing: everything the service talks to.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ConnectionStringsOptions, ConnectionStringsOptionsValidator>(configuration, ConnectionStringsOptions.Section);
        services.AddValidatedOptions<SecretsOptions, SecretsOptionsValidator>(configuration, SecretsOptions.Section);
        services.AddValidatedOptions<EmailOptions, EmailOptionsValidator>(configuration, EmailOptions.Section);
        services.AddValidatedOptions<HumanCheckOptions, HumanCheckOptionsValidator>(configuration, HumanCheckOptions.Section);
        services.AddValidatedOptions<PasswordHashingOptions, PasswordHashingOptionsValidator>(configuration, PasswordHashingOptions.Section);
        services.AddValidatedOptions<ResetRules, ResetRulesValidator>(configuration, ResetRulesValidator.Section);
        services.AddValidatedOptions<RateLimitOptions, RateLimitOptionsValidator>(configuration, RateLimitOptions.Section);

        // Interceptors registered in the container join every context: for tracing, and for the
        // fault tests that make a commit fail at a chosen moment.
        // Pooled: the options are built once and contexts are reused, instead of a new context,
        // options and connection-string parse per request (the benchmark's hot paths each use one).
        services.AddSingleton<DependencyPipelines>();
        // One data source, one connection pool: EF Core and the ticket journal's plain Npgsql share it.
        services.AddSingleton(provider => NpgsqlDataSource.Create(
            PostgresConnection.WithServiceDefaults(provider.GetRequiredService<IOptions<ConnectionStringsOptions>>().Value.Postgres!)));
        services.AddDbContextPool<ResetDbContext>((provider, options) =>
            options.UseNpgsql(
                    provider.GetRequiredService<NpgsqlDataSource>(),
                    npgsql => npgsql.ExecutionStrategy(dependencies =>
                        new ResilientExecutionStrategy(dependencies, provider.GetRequiredService<DependencyPipelines>().Postgres)))
                .UseSnakeCaseNamingConvention()
                .AddInterceptors(provider.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));

        services.AddSingleton<IConnectionMultiplexer>(provider =>
            RedisConnection.Connect(provider.GetRequiredService<IOptions<ConnectionStringsOptions>>().Value.Redis!));
        services.AddHostedService<RedisConnectionWarmup>();
        services.AddSingleton<ResilientRedis>();

        services.AddSingleton<SecretHmac>();
        services.AddSingleton<ResetMetrics>();
        services.AddSingleton<ResetTicketStore>();
        services.AddSingleton<SupportRequestClaims>();
        services.AddSingleton<TicketJournal>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<RateLimiter>();
        services.AddEmail();
        services.AddEvents(configuration);
        services.AddSingleton<IPasswordHasher, Argon2idPasswordHasher>();
        services.AddPasswordPolicy(configuration);
        services.AddHumanCheck();
        services.AddSingleton(TimeProvider.System);
        services.AddDependencyHealthChecks();
        return services;
    }

    public static void AddValidatedOptions<TOptions, TValidator>(
        this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        ConfigurationCheck.Register<TOptions>(section);
    }
}

using Microsoft.EntityFrameworkCore;
using Reset.Domain.Accounts;
using Reset.Domain.Audit;
using Reset.Domain.Support;
using Reset.Infrastructure.Email;
using Reset.Infrastructure.Events;

namespace Reset.Infrastructure.Persistence;

/// <summary>
/// The service's PostgreSQL store: customers, audit events, support requests, the e-mail outbox and the events waiting for the stream.
/// New migration: dotnet tool restore &amp;&amp; dotnet ef migrations add NAME
///   --project Reset.Infrastructure --startup-project Reset.Api --output-dir Persistence/Migrations
/// </summary>
public sealed class ResetDbContext(DbContextOptions<ResetDbContext> options) : DbContext(options)
{
    public DbSet<UserAccount> Users => Set<UserAccount>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<SupportRequest> SupportRequests => Set<SupportRequest>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    /// <summary>Events waiting for the relay to put them on the Redis stream.</summary>
    public DbSet<ResetEvent> Events => Set<ResetEvent>();

    /// <summary>
    /// A context for migrations: the connection string as the operator gave it, without the request
    /// path's short timeouts and circuit breaker, which a long index build must not trip.
    /// </summary>
    public static ResetDbContext ForMaintenance(string connectionString) =>
        new(new DbContextOptionsBuilder<ResetDbContext>().UseNpgsql(connectionString).UseSnakeCaseNamingConvention().Options);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // citext makes e-mail and member ID uniqueness and look-ups case-insensitive in the database itself.
        modelBuilder.HasPostgresExtension("citext");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ResetDbContext).Assembly);
    }
}

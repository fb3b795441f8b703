using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reset.Domain.Audit;

namespace Reset.Infrastructure.Persistence.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("audit_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.Type).HasMaxLength(64).IsRequired();
        builder.Property(e => e.ClientIp).HasMaxLength(64);
        builder.Property(e => e.Detail).HasMaxLength(1024);
        builder.HasIndex(e => new { e.UserId, e.OccurredAt });
    }
}

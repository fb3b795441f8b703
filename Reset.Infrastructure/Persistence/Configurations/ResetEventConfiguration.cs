using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reset.Infrastructure.Events;

namespace Reset.Infrastructure.Persistence.Configurations;

internal sealed class ResetEventConfiguration : IEntityTypeConfiguration<ResetEvent>
{
    public void Configure(EntityTypeBuilder<ResetEvent> builder)
    {
        // Rows wait here until the relay has put them on the stream, then are deleted.
        builder.ToTable("event_outbox");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Type).HasMaxLength(64).IsRequired();
        builder.Property(e => e.TicketId).HasMaxLength(64);
        builder.Property(e => e.Reference).HasMaxLength(16);
        builder.Property(e => e.ApiKeyId).HasMaxLength(64);
    }
}
